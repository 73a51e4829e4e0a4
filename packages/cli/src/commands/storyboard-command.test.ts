import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledBinaryPaths, probeVideo } from '@vgw/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../main.js';
import { captureIo } from '../test-support/capture-io.js';

let cwd: string;

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'vgw-cli-storyboard-'));
  await writeFile(
    join(cwd, 'board.yaml'),
    [
      'name: two shots',
      'size: 160x96',
      'fps: 24',
      'shots:',
      '  - prompt: a lighthouse at dawn',
      '    seconds: 1',
      '  - prompt: the same lighthouse at noon',
      '    seconds: 1',
      '    continue: true',
      '',
    ].join('\n'),
  );
  await writeFile(join(cwd, 'broken.yaml'), 'shots:\n  - seconds: 1\n');
});

afterAll(async () => {
  await rm(cwd, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
});

async function vgw(args: string[]) {
  const captured = captureIo({ cwd });
  const exitCode = await run(['node', 'vgw', ...args], captured.io);
  return { exitCode, stdout: captured.stdout(), stderr: captured.stderr() };
}

describe('vgw storyboard, embedded', () => {
  it('--estimate prices every shot and renders nothing', async () => {
    const result = await vgw(['storyboard', 'board.yaml', '--estimate']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('shot 0: 1 s at 160x96 on local: 0.000000 USD');
    expect(result.stdout).toContain('total: 0.000000 USD for 2 shots');
    const list = await vgw(['list', '--json']);
    expect(JSON.parse(list.stdout).data).toEqual([]);
  });

  it('refuses a shot without a prompt, naming it', async () => {
    const result = await vgw(['storyboard', 'broken.yaml', '--estimate']);
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain('shots[0].prompt');
  });

  it('-o renders, stitches and saves the MP4', async () => {
    const result = await vgw(['storyboard', 'board.yaml', '-o', 'piece.mp4']);
    expect(result.stderr).not.toContain('failed');
    expect(result.exitCode).toBe(0);
    expect(result.stdout.trim()).toBe('piece.mp4');
    const probe = await probeVideo(bundledBinaryPaths().ffprobePath, join(cwd, 'piece.mp4'));
    expect({ width: probe.width, height: probe.height, frames: probe.frames }).toEqual({
      width: 160,
      height: 96,
      frames: 48,
    });
  }, 120_000);
});
