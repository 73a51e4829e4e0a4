import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load-config.js';

describe('scoring config', () => {
  let cwd: string;
  beforeEach(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'vgw-config-'));
  });
  afterEach(() => rm(cwd, { recursive: true, force: true }));

  it('scores by default, one at a time, on one thread, 600 s, 3 attempts', async () => {
    const config = await loadConfig({ cwd, environment: {} });
    expect(config.scoring).toEqual({
      enabled: true,
      concurrency: 1,
      threads: 1,
      timeoutSeconds: 600,
      maxAttempts: 3,
    });
  });

  it('VGW_AUTO_SCORE turns it off and on over the file', async () => {
    await writeFile(join(cwd, 'vgw.config.json'), JSON.stringify({ scoring: { enabled: true } }));
    for (const [value, enabled] of [
      ['false', false],
      ['0', false],
      ['true', true],
      ['1', true],
    ] as const) {
      const config = await loadConfig({ cwd, environment: { VGW_AUTO_SCORE: value } });
      expect(config.scoring.enabled).toBe(enabled);
    }
  });

  it('names a bad key', async () => {
    await writeFile(
      join(cwd, 'vgw.config.json'),
      JSON.stringify({ scoring: { concurrency: 0, retries: 2 } }),
    );
    const error = await loadConfig({ cwd, environment: {} }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/scoring\.concurrency/);
    expect((error as Error).message).toMatch(/retries/);
  });
});
