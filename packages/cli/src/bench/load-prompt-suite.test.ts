import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSuitePath, loadPromptSuite } from './load-prompt-suite.js';

let cwd: string;

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'vgw-prompts-'));
});

afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
});

describe('loadPromptSuite', () => {
  it('finds the shipped suite beside the package, whatever the working directory', async () => {
    expect(defaultSuitePath).toMatch(/packages\/cli\/prompts\/default-suite\.json$/);
    const prompts = await loadPromptSuite(cwd, null);
    expect(prompts.length).toBeGreaterThanOrEqual(10);
    expect(prompts.length).toBeLessThanOrEqual(15);
    expect([...new Set(prompts.map((prompt) => prompt.shot))]).toEqual([
      'static',
      'slow_pan',
      'fast_action',
      'people',
      'water_smoke',
    ]);
    expect(prompts[0]).toMatchObject({ id: 'static-still-life', shot: 'static' });
  });

  it('reads a flat list from a file relative to the working directory', async () => {
    await writeFile(join(cwd, 'mine.json'), JSON.stringify([{ id: 'a', shot: 's', prompt: 'x' }]));
    expect(await loadPromptSuite(cwd, 'mine.json')).toEqual([{ id: 'a', shot: 's', prompt: 'x' }]);
  });

  it('names the file and the problem in one line', async () => {
    await writeFile(join(cwd, 'broken.json'), '{ nope');
    await writeFile(
      join(cwd, 'wrong.json'),
      JSON.stringify([{ id: 'A B', shot: 's', prompt: 'x' }]),
    );
    await expect(loadPromptSuite(cwd, 'missing.json')).rejects.toThrow(
      'cannot read missing.json: no such file or directory',
    );
    await expect(loadPromptSuite(cwd, 'broken.json')).rejects.toThrow(
      /^broken\.json is not JSON: /,
    );
    await expect(loadPromptSuite(cwd, 'wrong.json')).rejects.toThrow(
      /^wrong\.json is not a prompt suite at 0\.id: use 1-64 lower-case letters/,
    );
  });
});
