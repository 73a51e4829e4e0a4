import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meanAbsoluteDifference } from './raw-image.js';
import { streamFrames } from './frame-stream.js';
import { runNativePass } from './native-pass.js';
import { gridMean, reductionGrid } from './native-reduction.js';
import type { Fixtures } from '../test-support/quality-fixtures.js';
import { ffmpegToFile, makeFixtures } from '../test-support/quality-fixtures.js';

let fixtures: Fixtures;

beforeAll(async () => {
  fixtures = await makeFixtures(['smooth', 'noisy', 'flicker', 'frozen']);
}, 60_000);
afterAll(() => fixtures.cleanup());

/** The exact native means, computed here over every byte of a full gray decode. */
async function exactNative(file: string, width: number, height: number) {
  const frames: Uint8Array[] = [];
  const stream = streamFrames({
    ffmpegPath: fixtures.ffmpegPath,
    file,
    width,
    height,
    scale: false,
    pixelFormat: 'gray',
    timeoutMs: 10_000,
  });
  for await (const frame of stream) frames.push(Uint8Array.from(frame.data));
  const meanLumas = frames.map(
    (frame) => frame.reduce((total, value) => total + value, 0) / frame.length,
  );
  const pairDifferences = frames
    .slice(1)
    .map((frame, index) => meanAbsoluteDifference(frames[index]!, frame));
  return { meanLumas, pairDifferences };
}

const nativePass = (file: string, width: number, height: number) =>
  runNativePass({ ffmpegPath: fixtures.ffmpegPath, file, width, height, timeoutMs: 10_000 });

function largestGap(ours: readonly number[], exact: readonly number[]): number {
  expect(ours).toHaveLength(exact.length);
  return Math.max(...ours.map((value, index) => Math.abs(value - exact[index]!)));
}

describe('native means reduced by ffmpeg', () => {
  it('a grid mean is the 16-bit cells ÷ 257', () => {
    const grid = Buffer.alloc(8);
    [0, 257, 514, 65535].forEach((value, index) => grid.writeUInt16LE(value, 2 * index));
    expect(gridMean(grid)).toBe((0 + 1 + 2 + 255) / 4);
    expect(reductionGrid({ width: 1280, height: 720 })).toEqual({ width: 32, height: 18 });
    expect(reductionGrid({ width: 16, height: 8 })).toEqual({ width: 16, height: 8 });
  });

  it('matches a hand-made pair: MAE 13.75 and mean luma exactly, at a size no grid divides', async () => {
    const [width, height] = [70, 38];
    const pattern = [10, 30, 40, 255];
    const shifted = [20, 30, 0, 250];
    const first = Buffer.from(Array.from({ length: width * height }, (_, i) => pattern[i % 4]!));
    const second = Buffer.from(Array.from({ length: width * height }, (_, i) => shifted[i % 4]!));
    const raw = join(fixtures.directory, 'pair.gray');
    await writeFile(raw, Buffer.concat([first, second, second, second]));
    const file = join(fixtures.directory, 'pair.nut');
    const input = ['-f', 'rawvideo', '-pix_fmt', 'gray', '-s', `${width}x${height}`, '-i', raw];
    await ffmpegToFile(fixtures.ffmpegPath, [...input, '-c:v', 'ffv1'], file);
    const native = await nativePass(file, width, height);
    expect(native.frames).toBe(4);
    expect(native.pairDifferences[0]).toBeCloseTo(13.75, 3);
    expect(native.pairDifferences.slice(1)).toEqual([0, 0]);
    expect(native.meanLumas[0]).toBeCloseTo((10 + 30 + 40 + 255) / 4, 3);
    expect(native.meanLumas[1]).toBeCloseTo((20 + 30 + 0 + 250) / 4, 3);
  });

  it('equals the exact per-byte means on the fixtures within 1e-3', async () => {
    for (const name of ['smooth', 'noisy', 'flicker', 'frozen']) {
      const exact = await exactNative(fixtures.path(name), 160, 120);
      const native = await nativePass(fixtures.path(name), 160, 120);
      expect(largestGap(native.pairDifferences, exact.pairDifferences)).toBeLessThan(1e-3);
      expect(largestGap(native.meanLumas, exact.meanLumas)).toBeLessThan(1e-3);
    }
  });
});
