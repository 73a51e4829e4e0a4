import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChunkResult } from './analysis-pass.js';
import { analyseChunk, mergeChunks } from './analysis-pass.js';
import { streamFrames } from './frame-stream.js';
import type { OpenCv } from './opencv-loader.js';
import { loadOpenCv } from './opencv-loader.js';
import { NativeAccumulator } from './native-pass.js';
import type { RawImage } from './raw-image.js';
import { topFractionMean } from './raw-image.js';
import type { ScoreResult } from './score-result.js';
import { chunkLength, scoreVideo } from './score-video.js';
import { streamScoringFrames } from './scoring-decode.js';
import type { Fixtures } from '../test-support/quality-fixtures.js';
import { makeFixtures } from '../test-support/quality-fixtures.js';

let fixtures: Fixtures;
let cv: OpenCv;
const size = { width: 160, height: 120 };

beforeAll(async () => {
  fixtures = await makeFixtures(['smooth', 'jitter']);
  ({ cv } = await loadOpenCv());
}, 60_000);
afterAll(() => fixtures.cleanup());

async function collect(pixelFormat: 'gray' | 'rgb24', file: string): Promise<Uint8Array[]> {
  const frames: Uint8Array[] = [];
  const stream = streamFrames({
    ffmpegPath: fixtures.ffmpegPath,
    file,
    ...size,
    scale: true,
    pixelFormat,
    timeoutMs: 10_000,
  });
  for await (const frame of stream) frames.push(Uint8Array.from(frame.data));
  return frames;
}

function withoutTiming(result: ScoreResult): unknown {
  return { ...result, analysis: { ...result.analysis, elapsedSeconds: 0 } };
}

describe('one decode, chunks on threads', () => {
  it('the scoring decode carries the same RGB bytes as a separate decode, and every native mean', async () => {
    const file = fixtures.path('jitter');
    const rgb = await collect('rgb24', file);
    const native = new NativeAccumulator();
    let count = 0;
    const frames = streamScoringFrames(
      { ffmpegPath: fixtures.ffmpegPath, file, native: size, analysis: size, timeoutMs: 10_000 },
      native,
    );
    for await (const frame of frames) {
      expect(Buffer.compare(frame.data, rgb[frame.index]!)).toBe(0);
      count += 1;
    }
    expect(count).toBe(48);
    expect(native.result.frames).toBe(48);
    expect(native.result.meanLumas).toHaveLength(48);
    expect(native.result.pairDifferences).toHaveLength(47);
  });

  it('chunks are multiples of 2·frameStep near 12 frames', () => {
    expect([1, 2, 3, 4, 8].map(chunkLength)).toEqual([12, 12, 12, 16, 16]);
  });

  it('chunked analysis equals one chunk over the whole clip', async () => {
    const frames: RawImage[] = (await collect('rgb24', fixtures.path('jitter'))).map((data) => ({
      ...size,
      channels: 3,
      data,
    }));
    const first = frames[0]!;
    const whole = mergeChunks(
      [analyseChunk(cv, { start: 0, frames, first, frameStep: 3, final: true })],
      frames.length,
    );
    const parts: ChunkResult[] = [];
    for (let start = 0; start < frames.length - 1; start += 12) {
      const end = Math.min(start + 12, frames.length - 1);
      const chunk = frames.slice(start, end + 1);
      const final = end === frames.length - 1;
      parts.push(analyseChunk(cv, { start, frames: chunk, first, frameStep: 3, final }));
    }
    expect(parts).toHaveLength(4);
    expect(mergeChunks(parts, frames.length)).toEqual(whole);
    expect(whole.warpErrors).toHaveLength(47);
    expect(whole.ssimToFirst).toHaveLength(48);
    expect(whole.smoothnessErrors).toHaveLength(23);
    expect(whole.dynamicTopMotions).toHaveLength(15);
  });

  it('scores the same on 1 and 3 threads', async () => {
    const score = (threads: number) =>
      scoreVideo({ ...fixtures, file: fixtures.path('smooth'), timeoutMs: 30_000, threads });
    const [single, threaded] = [await score(1), await score(3)];
    expect(withoutTiming(threaded)).toEqual(withoutTiming(single));
    expect(single.metrics.warpingError).toBeGreaterThan(0);
  });
});

describe('topFractionMean (selection instead of a sort)', () => {
  it('equals the mean of the sorted tail', () => {
    const values = Float32Array.from({ length: 1001 }, (_, index) => (index * 7919) % 1000);
    const sorted = Float32Array.from(values).sort();
    const tail = sorted.slice(-50);
    const expected = tail.reduce((total, value) => total + value, 0) / 50;
    expect(topFractionMean(values, 0.05)).toBeCloseTo(expected, 6);
    expect(topFractionMean(Float32Array.from([3, 3, 3, 1]), 0.5)).toBe(3);
    expect(topFractionMean(new Float32Array(0), 0.05)).toBe(0);
  });
});
