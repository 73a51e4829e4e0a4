import { describe, expect, it } from 'vitest';
import { flickerPairDifference, staticGate, vbenchFlickerScore } from './vbench-flicker.js';

const gray = (values: number[]) => ({
  width: 2,
  height: 2,
  channels: 1 as const,
  data: Uint8Array.from(values),
});

describe('VBench flicker', () => {
  it('matches a hand-computed pair: |10-20|+|30-30|+|40-0|+|255-250| = 55 → MAE 13.75', () => {
    const difference = flickerPairDifference(gray([10, 30, 40, 255]), gray([20, 30, 0, 250]));
    expect(difference).toBe(13.75);
    expect(vbenchFlickerScore([difference])).toBeCloseTo((255 - 13.75) / 255, 12);
    expect(vbenchFlickerScore([0, 51])).toBeCloseTo(0.9, 12);
  });

  it('static gate: VBench thresholds 3·min(H,W)/256 and round(2N/16)', () => {
    const base = {
      frameCount: 48,
      width: 256,
      height: 144,
      firstLastTopMagnitudes: [0, 0] as const,
    };
    const still = staticGate({ ...base, pairTopMagnitudes: Array(47).fill(0.5) as number[] });
    expect(still).toMatchObject({ isStatic: true, threshold: 1.6875, allowedMovingPairs: 6 });
    const moving = staticGate({ ...base, pairTopMagnitudes: Array(47).fill(5) as number[] });
    expect(moving.isStatic).toBe(false);
  });
});
