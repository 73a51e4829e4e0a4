import { describe, expect, it } from 'vitest';
import { aggregateLeaderboard, aggregateModel } from './aggregate-leaderboard.js';
import { fakeRun } from '../../test-support/bench-fixtures.js';

const options = { bootstrapSeed: 1, resamples: 2000, confidence: 0.95 };

const runs = [
  fakeRun({
    model: 'steady',
    promptId: 'p1',
    index: 90,
    renderSeconds: 30,
    costMicroUsd: 200_000,
    score: { dynamic: true, movingPairFraction: 0.6, warpingError: 0.001 },
  }),
  fakeRun({
    model: 'steady',
    promptId: 'p2',
    index: 80,
    renderSeconds: 10,
    costMicroUsd: 200_000,
    score: { dynamic: false, movingPairFraction: 0.2, warpingError: 0.003, motionSmoothness: null },
  }),
  fakeRun({ model: 'steady', promptId: 'p3', index: null }),
  fakeRun({ model: 'shaky', promptId: 'p1', index: 40, renderSeconds: 5 }),
  fakeRun({ model: 'shaky', promptId: 'p2', index: 50, renderSeconds: 7 }),
  fakeRun({ model: 'shaky', promptId: 'p3', index: 60, renderSeconds: 100 }),
  fakeRun({ model: 'broken', promptId: 'p1', index: null }),
];

describe('aggregateModel', () => {
  it('averages the scored runs and counts the failed ones', () => {
    const row = aggregateModel('steady', runs, options);
    expect(row).toMatchObject({ model: 'steady', runs: 3, completed: 2, failures: 1 });
    expect(row.stabilityIndex?.mean).toBe(85);
    expect(row.stabilityIndex?.samples).toBe(2);
    expect(row.stabilityIndex?.low).toBeGreaterThanOrEqual(80);
    expect(row.stabilityIndex?.high).toBeLessThanOrEqual(90);
    expect(row.metrics.warpingError?.mean).toBeCloseTo(0.002, 12);
    // A null metric (clip too short) leaves that run out of that mean only.
    expect(row.metrics.motionSmoothness).toEqual({ mean: 0.99, low: 0.99, high: 0.99, samples: 1 });
    expect(row.dynamicDegree.fractionDynamic).toBe(0.5);
    expect(row.dynamicDegree.movingPairFraction?.mean).toBeCloseTo(0.4, 12);
  });

  it('divides the cost by the seconds rendered and takes the median render time', () => {
    const row = aggregateModel('steady', runs, options);
    // Two completed 2 s runs at $0.20 each: $0.40 / 4 s.
    expect(row.costPerSecondMicroUsd).toBe(100_000);
    expect(row.totalCostMicroUsd).toBe(400_000);
    expect(row.costSources).toEqual(['engine_price']);
    expect(row.medianRenderSeconds).toBe(20);
    expect(aggregateModel('shaky', runs, options).medianRenderSeconds).toBe(7);
  });

  it('gives an all-failed model nulls, not NaN', () => {
    const row = aggregateModel('broken', runs, options);
    expect(row).toMatchObject({
      runs: 1,
      completed: 0,
      failures: 1,
      stabilityIndex: null,
      costPerSecondMicroUsd: null,
      totalCostMicroUsd: 0,
      medianRenderSeconds: null,
      dynamicDegree: { movingPairFraction: null, fractionDynamic: null },
    });
    expect(Object.values(row.metrics).every((value) => value === null)).toBe(true);
    expect(aggregateModel('absent', runs, options).runs).toBe(0);
  });

  it('is reproducible for a bootstrap seed', () => {
    expect(aggregateModel('shaky', runs, options)).toEqual(aggregateModel('shaky', runs, options));
  });
});

describe('aggregateLeaderboard', () => {
  it('ranks by mean stability index, unscored models last', () => {
    const rows = aggregateLeaderboard(['broken', 'shaky', 'steady'], runs, options);
    expect(rows.map((row) => row.model)).toEqual(['steady', 'shaky', 'broken']);
  });
});
