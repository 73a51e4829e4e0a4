import { describe, expect, it } from 'vitest';
import { cameraJitter } from './camera-jitter.js';
import { bhattacharyyaDistance, colourHistogram } from './colour-histogram.js';
import { summariseDrift } from './drift.js';
import { dynamicDegree, dynamicDegreeStep } from './dynamic-degree.js';
import { detectFreezes } from './freeze.js';
import { lumaFlicker } from './luma-flicker.js';
import { detectSceneCuts } from './scene-cuts.js';
import { structuralSimilarity } from './ssim.js';
import { stabilityIndex } from './stability-index.js';

describe('series metrics', () => {
  it('luma flicker: second difference ignores a ramp, catches alternation', () => {
    expect(lumaFlicker([10, 20, 30, 40]).value).toBe(0);
    expect(lumaFlicker([100, 110, 100, 110]).value).toBe(20);
  });

  it('camera jitter: a steady pan scores 0, shake scores its second difference', () => {
    expect(cameraJitter(Array.from({ length: 5 }, () => ({ x: 3, y: 1 }))).value).toBe(0);
    const shake = cameraJitter([
      { x: 2, y: 0 },
      { x: -2, y: 0 },
      { x: 2, y: 0 },
    ]);
    expect(shake.perPair).toEqual([8]);
  });

  it('freeze: runs of ≥3 identical frames; a single duplicate is not a freeze', () => {
    const result = detectFreezes([5, 0, 5, 0, 0, 0, 5]);
    expect(result.runs).toEqual([{ start: 3, frames: 4 }]);
    expect(result.frozenFraction).toBeCloseTo(4 / 8);
    expect(detectFreezes([0, 0]).runs).toEqual([{ start: 0, frames: 3 }]);
  });

  it('scene cuts: an isolated spike, not a uniformly busy clip', () => {
    expect(detectSceneCuts([0.05, 0.04, 0.9, 0.05])).toEqual([3]);
    expect(detectSceneCuts([0.6, 0.7, 0.6, 0.65])).toEqual([]);
  });

  it('dynamic degree: ≈8 fps step and VBench count rule', () => {
    expect(dynamicDegreeStep(24)).toBe(3);
    expect(dynamicDegreeStep(8)).toBe(1);
    const moving = dynamicDegree({
      pairTopMotions: [9, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      width: 256,
      height: 144,
      frameStep: 3,
    });
    expect(moving).toMatchObject({ dynamic: false, requiredMovingPairs: 4, threshold: 3.375 });
    expect(
      dynamicDegree({ pairTopMotions: [9, 9, 9, 9, 0], width: 256, height: 144, frameStep: 3 })
        .dynamic,
    ).toBe(true);
  });

  it('histogram distance: 0 for identical, 1 for disjoint colours', () => {
    const red = { width: 1, height: 1, channels: 3 as const, data: Uint8Array.from([255, 0, 0]) };
    const blue = { width: 1, height: 1, channels: 3 as const, data: Uint8Array.from([0, 0, 255]) };
    expect(bhattacharyyaDistance(colourHistogram(red), colourHistogram(red))).toBe(0);
    expect(bhattacharyyaDistance(colourHistogram(red), colourHistogram(blue))).toBe(1);
  });

  it('drift summary is flagged approximate and reads the tail', () => {
    const drift = summariseDrift({
      ssimToFirst: [1, 0.9, 0.8],
      histogramDistanceToFirst: [0, 0.2, 0.4],
    });
    expect(drift).toEqual({
      approximate: true,
      endSsim: 0.8,
      endHistogramDistance: 0.4,
      maxHistogramDistance: 0.4,
    });
  });

  it('SSIM is 1 for identical images and lower for different ones', () => {
    const data = Uint8Array.from({ length: 256 }, (_, index) => (index * 7) % 256);
    const image = { width: 16, height: 16, channels: 1 as const, data };
    expect(structuralSimilarity(image, image)).toBeCloseTo(1, 12);
    const other = { ...image, data: data.map((value) => 255 - value) };
    expect(structuralSimilarity(image, other)).toBeLessThan(0);
  });

  it('stability index: weights sum to 1, a perfect clip scores 100, missing parts drop out', () => {
    const degree = dynamicDegree({ pairTopMotions: [0], width: 256, height: 144, frameStep: 3 });
    const perfect = {
      warpingError: 0,
      lumaFlicker: 0,
      cameraJitter: 0,
      motionSmoothness: 1,
      frozenFraction: 0,
    };
    expect(stabilityIndex(perfect, degree).index.value).toBe(100);
    expect(stabilityIndex({ ...perfect, warpingError: 1 }, degree).index.value).toBe(65);
    expect(
      stabilityIndex({ ...perfect, cameraJitter: null }, degree).index.components.cameraJitter,
    ).toBeNull();
    expect(stabilityIndex(perfect, degree).dynamicDegree).toBe(degree);
  });
});
