import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledBinaryPaths } from './bundled-binaries.js';
import { runCommand } from './run-command.js';
import { sampleFrameIndexes, sampleFrames, splitPngStream } from './sample-frames.js';

const { ffmpegPath, ffprobePath } = bundledBinaryPaths();
let directory: string;
let clip: string;

async function ffmpeg(args: string[]): Promise<void> {
  const result = await runCommand(ffmpegPath, ['-v', 'error', '-y', ...args], {
    timeoutMs: 60_000,
  });
  if (result.exitCode !== 0) throw new Error(result.stderr);
}

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'vgw-sample-'));
  clip = join(directory, 'clip.mp4');
  // testsrc draws the frame number, so each sample can be told apart by its pixels.
  await ffmpeg([
    ...['-f', 'lavfi', '-i', 'testsrc=s=640x360:r=10:d=4'],
    ...['-c:v', 'libx264', '-g', '20', '-pix_fmt', 'yuv420p', clip],
  ]);
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('sampleFrameIndexes', () => {
  it('takes frame 0 and the middle of each equal stretch', () => {
    expect(sampleFrameIndexes(40, 4)).toEqual([0, 5, 15, 25, 35]);
    expect(sampleFrameIndexes(40, 0)).toEqual([0]);
  });

  it('never repeats a frame when asked for more than there are', () => {
    expect(sampleFrameIndexes(3, 8)).toEqual([0, 1, 2]);
  });
});

describe('sampleFrames', () => {
  it('returns the first frame and N evenly spaced frames as PNGs of the video size', async () => {
    const frames = await sampleFrames({
      videoPath: clip,
      count: 4,
      ffmpegPath,
      ffprobePath,
      maxSide: 1280,
    });
    expect(frames.map((frame) => frame.frameIndex)).toEqual([0, 5, 15, 25, 35]);
    expect(frames.map((frame) => frame.first)).toEqual([true, false, false, false, false]);
    expect(frames.map((frame) => frame.timeSeconds)).toEqual([0, 0.5, 1.5, 2.5, 3.5]);
    for (const frame of frames) {
      const metadata = await sharp(frame.image).metadata();
      expect([metadata.format, metadata.width, metadata.height]).toEqual(['png', 640, 360]);
      expect([frame.width, frame.height]).toEqual([640, 360]);
    }
    const pixels = await Promise.all(frames.map((frame) => sharp(frame.image).raw().toBuffer()));
    expect(new Set(pixels.map((buffer) => buffer.toString('base64'))).size).toBe(5);
  });

  it('picks the frames it names: each sample matches that frame decoded on its own', async () => {
    const [, second] = await sampleFrames({
      videoPath: clip,
      count: 4,
      ffmpegPath,
      ffprobePath,
      maxSide: 1280,
    });
    const reference = join(directory, 'frame-5.png');
    await ffmpeg([
      '-i',
      clip,
      '-vf',
      "select='eq(n,5)'",
      '-vsync',
      'passthrough',
      '-frames:v',
      '1',
      reference,
    ]);
    const expected = await sharp(reference).raw().toBuffer();
    expect((await sharp(second?.image).raw().toBuffer()).equals(expected)).toBe(true);
  });

  it('scales frames down to maxSide, keeping the aspect, and can write JPEG', async () => {
    const frames = await sampleFrames({
      videoPath: clip,
      count: 2,
      ffmpegPath,
      ffprobePath,
      maxSide: 320,
      format: 'jpeg',
    });
    expect(frames).toHaveLength(3);
    for (const frame of frames) {
      const metadata = await sharp(frame.image).metadata();
      expect([metadata.format, metadata.width, metadata.height]).toEqual(['jpeg', 320, 180]);
    }
  });

  it('gives fewer frames, never duplicates, for a clip shorter than the count', async () => {
    const short = join(directory, 'short.mp4');
    await ffmpeg([
      '-f',
      'lavfi',
      '-i',
      'testsrc=s=160x90:r=10:d=0.3',
      '-c:v',
      'libx264',
      '-pix_fmt',
      'yuv420p',
      short,
    ]);
    const frames = await sampleFrames({
      videoPath: short,
      count: 8,
      ffmpegPath,
      ffprobePath,
      maxSide: 512,
    });
    expect(frames.map((frame) => frame.frameIndex)).toEqual([0, 1, 2]);
  });

  it('fails clearly on a file that is not a video', async () => {
    const notVideo = join(directory, 'missing.mp4');
    await expect(
      sampleFrames({ videoPath: notVideo, count: 2, ffmpegPath, ffprobePath, maxSide: 512 }),
    ).rejects.toThrow(/ffprobe failed/);
  });

  it('refuses a count or size it cannot honour', async () => {
    const base = { videoPath: clip, ffmpegPath, ffprobePath };
    await expect(sampleFrames({ ...base, count: -1, maxSide: 512 })).rejects.toThrow(/count/);
    await expect(sampleFrames({ ...base, count: 2, maxSide: 0 })).rejects.toThrow(/maxSide/);
  });
});

describe('splitPngStream', () => {
  it('splits back-to-back PNGs and refuses anything else', async () => {
    const one = await sharp({ create: { width: 4, height: 4, channels: 3, background: 'red' } })
      .png()
      .toBuffer();
    const two = await sharp({ create: { width: 2, height: 2, channels: 3, background: 'blue' } })
      .png()
      .toBuffer();
    const parts = splitPngStream(Buffer.concat([one, two]));
    expect(parts.map((part) => part.length)).toEqual([one.length, two.length]);
    expect(() => splitPngStream(Buffer.from('not a png at all'))).toThrow(/other than a PNG/);
    expect(() => splitPngStream(one.subarray(0, one.length - 6))).toThrow(/truncated/);
  });
});
