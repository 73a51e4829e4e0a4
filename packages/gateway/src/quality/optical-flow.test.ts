import { beforeAll, describe, expect, it } from 'vitest';
import { motionSmoothnessPair } from './motion-smoothness.js';
import type { OpenCv } from './opencv-loader.js';
import { loadOpenCv } from './opencv-loader.js';
import { computeFlow, warpImage } from './optical-flow.js';
import type { RawImage } from './raw-image.js';
import { occlusionMask, warpingErrorPair } from './warping-error.js';

/** A smooth textured pattern shifted by (dx, dy): Farneback's ideal case. */
function pattern(dx: number, dy: number, channels: 1 | 3 = 1): RawImage {
  const width = 96;
  const height = 64;
  const data = new Uint8Array(width * height * channels);
  for (let row = 0; row < height; row += 1) {
    for (let column = 0; column < width; column += 1) {
      const x = column - dx;
      const y = row - dy;
      const value = 128 + 60 * Math.sin(x / 5) * Math.cos(y / 7) + 40 * Math.sin((x + y) / 11);
      for (let channel = 0; channel < channels; channel += 1) {
        data[(row * width + column) * channels + channel] = Math.round(value);
      }
    }
  }
  return { width, height, channels, data };
}

let cv: OpenCv;
beforeAll(async () => {
  ({ cv } = await loadOpenCv());
});

describe('flow, warping error and motion smoothness (opencv-js)', () => {
  it('loads once and returns the same runtime', async () => {
    expect((await loadOpenCv()).cv).toBe(cv);
    expect(process.listeners('unhandledRejection').length).toBeLessThan(3);
  });

  it('Farneback recovers a (3, 2) px shift in the textured interior', () => {
    const flow = computeFlow(cv, pattern(0, 0), pattern(3, 2));
    const centre = (32 * 96 + 48) * 2;
    expect(flow.data[centre]).toBeCloseTo(3, 0);
    expect(flow.data[centre + 1]).toBeCloseTo(2, 0);
  });

  it('warping error is ≈0 for pure motion and high when brightness also changes', () => {
    const [first, second] = [pattern(0, 0), pattern(3, 2)];
    const forward = computeFlow(cv, first, second);
    const backward = computeFlow(cv, second, first);
    const motionOnly = warpingErrorPair(cv, pattern(0, 0, 3), pattern(3, 2, 3), forward, backward);
    const brighter = pattern(3, 2, 3);
    const flickered = {
      ...brighter,
      data: brighter.data.map((value) => Math.min(255, value + 25)),
    };
    const withFlicker = warpingErrorPair(cv, pattern(0, 0, 3), flickered, forward, backward);
    expect(motionOnly).toBeLessThan(1e-3);
    expect(withFlicker).toBeGreaterThan(10 * motionOnly);
  });

  it('occlusion mask rejects forward–backward mismatches', () => {
    const forward = { width: 2, height: 1, data: Float32Array.from([2, 0, 2, 0]) };
    const consistent = { width: 2, height: 1, data: Float32Array.from([-2, 0, -2, 0]) };
    const broken = { width: 2, height: 1, data: Float32Array.from([3, 0, 3, 0]) };
    expect([...occlusionMask(forward, consistent)]).toEqual([1, 1]);
    expect([...occlusionMask(forward, broken)]).toEqual([0, 0]);
  });

  it('midpoint warp predicts the middle frame of uniform motion', () => {
    const flow = computeFlow(cv, pattern(0, 0), pattern(4, 2));
    const error = motionSmoothnessPair(
      cv,
      pattern(0, 0, 3),
      pattern(2, 1, 3),
      pattern(4, 2, 3),
      flow,
    );
    const naive = warpImage(cv, pattern(0, 0, 3), {
      ...flow,
      data: new Float32Array(flow.data.length),
    });
    let naiveError = 0;
    const middle = pattern(2, 1, 3);
    naive.data.forEach(
      (value, index) => (naiveError += Math.abs(value - (middle.data[index] ?? 0))),
    );
    expect(error).toBeLessThan(1.5);
    expect(error).toBeLessThan(naiveError / naive.data.length / 3);
  });
});
