import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectOverrides } from './config-schema.js';
import { ConfigError, loadConfig } from './load-config.js';

describe('limits config', () => {
  let cwd: string;
  beforeEach(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'vgw-config-'));
  });
  afterEach(() => rm(cwd, { recursive: true, force: true }));

  const withFile = async (limits: unknown) => {
    await writeFile(join(cwd, 'vgw.config.json'), JSON.stringify({ limits }));
    return loadConfig({ cwd, environment: {} });
  };

  it('runs 16 renders per project by default, with no rate limit', async () => {
    const config = await loadConfig({ cwd, environment: {} });
    expect(config.limits).toEqual({ requestsPerMinute: null, concurrentRenders: 16, projects: {} });
  });

  it('lets a project override either limit alone, and keeps them apart', async () => {
    const config = await withFile({
      concurrentRenders: 4,
      projects: {
        'batch-jobs': { concurrentRenders: 64 },
        interactive: { requestsPerMinute: 600 },
        both: { requestsPerMinute: 10, concurrentRenders: 1 },
      },
    });
    expect(projectOverrides(config.limits, 'concurrentRenders')).toEqual({
      'batch-jobs': 64,
      both: 1,
    });
    expect(projectOverrides(config.limits, 'requestsPerMinute')).toEqual({
      interactive: 600,
      both: 10,
    });
  });

  it('VGW_CONCURRENT_RENDERS sets the default over the file', async () => {
    await writeFile(
      join(cwd, 'vgw.config.json'),
      JSON.stringify({ limits: { concurrentRenders: 4 } }),
    );
    const config = await loadConfig({ cwd, environment: { VGW_CONCURRENT_RENDERS: '32' } });
    expect(config.limits.concurrentRenders).toBe(32);
  });

  it('refuses a project entry with neither limit, an unknown key, and a limit under 1', async () => {
    for (const [limits, key] of [
      [{ projects: { empty: {} } }, /limits\.projects\.empty: set requestsPerMinute/],
      [{ projects: { typo: { concurrentRender: 2 } } }, /concurrentRender/],
      [{ concurrentRenders: 0 }, /limits\.concurrentRenders/],
      [
        { projects: { zero: { concurrentRenders: 0 } } },
        /limits\.projects\.zero\.concurrentRenders/,
      ],
    ] as const) {
      const error = await withFile(limits).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(key);
    }
  });
});
