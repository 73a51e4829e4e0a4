import { describe, expect, it } from 'vitest';
import { bootstrapMeanInterval, quantileOfSorted } from './bootstrap-interval.js';
import { numberSeededRandom } from '@vgw/gateway';

const values = [61.2, 70.5, 55.1, 80.3, 66.6, 72.9, 59.4, 68.0];

describe('numberSeededRandom', () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const first = numberSeededRandom(7);
    const second = numberSeededRandom(7);
    const drawn = Array.from({ length: 1000 }, () => first());
    expect(Array.from({ length: 1000 }, () => second())).toEqual(drawn);
    expect(Math.min(...drawn)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...drawn)).toBeLessThan(1);
    // Roughly uniform: the mean of 1000 draws is near 0.5.
    expect(drawn.reduce((sum, value) => sum + value, 0) / drawn.length).toBeCloseTo(0.5, 1);
    expect(numberSeededRandom(8)()).not.toBe(numberSeededRandom(7)());
  });
});

describe('quantileOfSorted', () => {
  it('interpolates between ranks', () => {
    expect(quantileOfSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileOfSorted([1, 2, 3, 4], 0)).toBe(1);
    expect(quantileOfSorted([1, 2, 3, 4], 1)).toBe(4);
    expect(quantileOfSorted([10, 20], 0.25)).toBe(12.5);
  });
});

describe('bootstrapMeanInterval', () => {
  it('is deterministic for a seed and brackets the sample mean', () => {
    const first = bootstrapMeanInterval(values, { random: numberSeededRandom(1) });
    const again = bootstrapMeanInterval(values, { random: numberSeededRandom(1) });
    expect(again).toEqual(first);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(first?.mean).toBeCloseTo(mean, 10);
    expect(first?.samples).toBe(8);
    expect(first?.low).toBeLessThan(mean);
    expect(first?.high).toBeGreaterThan(mean);
    // The bootstrap standard error is about sd/√n ≈ 2.6 here: the 95 % interval spans ≈ ±5.
    expect(mean - (first?.low ?? 0)).toBeGreaterThan(2.5);
    expect(mean - (first?.low ?? 0)).toBeLessThan(8);
    expect((first?.high ?? 0) - mean).toBeGreaterThan(2.5);
    expect((first?.high ?? 0) - mean).toBeLessThan(8);
  });

  it('narrows as the confidence drops and changes with the seed', () => {
    const wide = bootstrapMeanInterval(values, { random: numberSeededRandom(1), confidence: 0.95 });
    const narrow = bootstrapMeanInterval(values, {
      random: numberSeededRandom(1),
      confidence: 0.5,
    });
    expect((narrow?.high ?? 0) - (narrow?.low ?? 0)).toBeLessThan(
      (wide?.high ?? 0) - (wide?.low ?? 0),
    );
    const other = bootstrapMeanInterval(values, { random: numberSeededRandom(2) });
    expect(other?.low).not.toBe(wide?.low);
  });

  it('collapses to the value for a single sample or identical samples', () => {
    expect(bootstrapMeanInterval([42], { random: numberSeededRandom(1) })).toEqual({
      mean: 42,
      low: 42,
      high: 42,
      samples: 1,
    });
    expect(bootstrapMeanInterval([3, 3, 3], { random: numberSeededRandom(1) })).toEqual({
      mean: 3,
      low: 3,
      high: 3,
      samples: 3,
    });
  });

  it('is null with nothing to average', () => {
    expect(bootstrapMeanInterval([], { random: numberSeededRandom(1) })).toBeNull();
  });

  it('draws exactly resamples × n numbers', () => {
    let draws = 0;
    const random = () => {
      draws += 1;
      return 0.5;
    };
    const result = bootstrapMeanInterval([1, 2, 3], { random, resamples: 10 });
    expect(draws).toBe(30);
    // Every draw picks index 1: each resample's mean is 2.
    expect(result).toEqual({ mean: 2, low: 2, high: 2, samples: 3 });
  });
});
