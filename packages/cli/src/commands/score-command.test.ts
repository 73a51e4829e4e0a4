import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scoreResultSchema } from '@vgw/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVgw } from '../test-support/run-vgw.js';
import { writeTinyClip } from '../test-support/tiny-clip.js';

/** One directory for the file: the clip is made once and scored by every test. */
let cwd: string;

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'vgw-cli-score-'));
  await writeTinyClip(cwd, 'clip.mp4');
});

afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
});

const vgw = (args: string[]) => runVgw(cwd, args);

describe('vgw score', () => {
  it('prints the result as JSON with --json', async () => {
    const result = await vgw(['score', 'clip.mp4', '--json']);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const score = scoreResultSchema.parse(JSON.parse(result.stdout));
    expect(score.index.value).toBeGreaterThanOrEqual(0);
    expect(score.index.value).toBeLessThanOrEqual(100);
  });

  it('prints a table led by the stability index and the dynamic degree', async () => {
    const result = await vgw(['score', 'clip.mp4']);
    expect(result.exitCode).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]?.split(/\s+/)).toEqual(['METRIC', 'VALUE', 'MEANING']);
    expect(lines[1]).toMatch(/^stability index\s+\d+\.\d/);
    expect(lines[2]).toMatch(/^dynamic degree\s+(yes|no) /);
  });

  it('writes one CSV row per analysed frame with --per-frame', async () => {
    const result = await vgw(['score', 'clip.mp4', '--json', '--per-frame', 'out.csv']);
    expect(result.exitCode).toBe(0);
    const score = scoreResultSchema.parse(JSON.parse(result.stdout));
    const rows = (await readFile(join(cwd, 'out.csv'), 'utf8')).trimEnd().split('\n');
    expect(rows[0]).toMatch(/^frame,flicker,warping_error,mean_luma,/);
    expect(rows).toHaveLength(score.analysis.frames + 1);
    expect(rows[1]?.split(',')).toHaveLength(rows[0]?.split(',').length ?? 0);
    expect(rows[1]?.startsWith('0,')).toBe(true);
  });

  it('fails with one line on an empty file', async () => {
    await writeFile(join(cwd, 'empty.mp4'), '');
    const result = await vgw(['score', 'empty.mp4']);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^vgw: cannot score empty\.mp4: [^\n]+\n$/);
  });

  it('fails with one line on a path that is neither a file nor a known video id', async () => {
    const result = await vgw(['score', 'missing.mp4']);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^vgw: [^\n]+\n$/);
  });
});
