import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meanAbsoluteDifference } from '../quality/raw-image.js';
import { bundledBinaryPaths } from './bundled-binaries.js';
import { decodeFrames } from '../test-support/decode-frames.js';
import { probeVideo } from './probe-video.js';
import { runCommand } from './run-command.js';

const { ffmpegPath, ffprobePath } = bundledBinaryPaths();
let directory: string;

async function ffmpeg(args: string[]): Promise<void> {
  const result = await runCommand(ffmpegPath, ['-v', 'error', '-y', ...args], {
    timeoutMs: 30_000,
  });
  if (result.exitCode !== 0) throw new Error(result.stderr);
}

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'vgw-probe-'));
  await ffmpeg([
    ...['-f', 'lavfi', '-i', 'testsrc2=s=160x120:r=10:d=1.5'],
    ...['-c:v', 'libx264', '-pix_fmt', 'yuv420p', join(directory, 'clip.mp4')],
  ]);
  await ffmpeg([
    ...['-f', 'lavfi', '-i', 'color=c=red:s=64x48:d=0.1'],
    ...['-frames:v', '1', join(directory, 'red.png')],
  ]);
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('probeVideo', () => {
  it('reads size, rate, decoded frame count, duration, codec and pixel format', async () => {
    const probe = await probeVideo(ffprobePath, join(directory, 'clip.mp4'));
    expect(probe).toMatchObject({
      width: 160,
      height: 120,
      fps: 10,
      frames: 15,
      codec: 'h264',
      pixelFormat: 'yuv420p',
    });
    expect(probe.durationSeconds).toBeCloseTo(1.5, 1);
  });

  it('reads a still image', async () => {
    const probe = await probeVideo(ffprobePath, join(directory, 'red.png'));
    expect(probe).toMatchObject({ width: 64, height: 48, frames: 1, codec: 'png' });
  });

  it('rejects a file that is not media', async () => {
    await expect(probeVideo(ffprobePath, join(directory, 'missing.mp4'))).rejects.toThrow(
      /ffprobe failed/,
    );
  });
});

describe('decodeFrames', () => {
  it('decodes chosen frames to raw pixels that differ when the picture moves', async () => {
    const file = join(directory, 'clip.mp4');
    const [first, last] = await decodeFrames(ffmpegPath, file, {
      frames: [0, 14],
      width: 80,
      height: 60,
      pixelFormat: 'gray',
    });
    expect(first).toHaveLength(80 * 60);
    expect(meanAbsoluteDifference(first!, last!)).toBeGreaterThan(1);
    expect(meanAbsoluteDifference(first!, first!)).toBe(0);
  });

  it('decodes a still image as rgb', async () => {
    const [red] = await decodeFrames(ffmpegPath, join(directory, 'red.png'), {
      frames: [0],
      width: 4,
      height: 4,
      pixelFormat: 'rgb24',
    });
    const [r, g, b] = [...red!.subarray(0, 3)];
    expect(r).toBeGreaterThan(240);
    expect(g).toBeLessThan(16);
    expect(b).toBeLessThan(16);
  });
});
