import { describe, expect, it } from 'vitest';
import { orderTargets } from './order-targets.js';
import type { Route } from './route.js';

function route(strategy: Route['strategy'], weights: number[]): Route {
  return {
    name: 'r',
    strategy,
    targets: weights.map((weight, index) => ({
      model: `m${index}`,
      weight: strategy === 'weighted' ? weight : null,
      providerOptions: {},
    })),
    fallbackOn: null,
    maxMicroUsdPerSecond: null,
    requires: [],
    qualityGate: null,
  };
}

const eligible = [
  { index: 0, estimateMicroUsd: 300 },
  { index: 1, estimateMicroUsd: 100 },
  { index: 2, estimateMicroUsd: 100 },
  { index: 3, estimateMicroUsd: 50 },
];
const indexes = (ordered: { index: number }[]) => ordered.map((target) => target.index);

describe('the order a route tries its targets in', () => {
  it('is the configured order for fallback', () => {
    expect(indexes(orderTargets(route('fallback', [0, 0, 0, 0]), eligible, 's'))).toEqual([
      0, 1, 2, 3,
    ]);
  });

  it('is cheapest first for cheapest, ties in configured order', () => {
    expect(indexes(orderTargets(route('cheapest', [0, 0, 0, 0]), eligible, 's'))).toEqual([
      3, 1, 2, 0,
    ]);
  });

  it('is the same for the same seed, and holds every target once, for weighted', () => {
    const weighted = route('weighted', [3, 1, 1, 1]);
    const first = indexes(orderTargets(weighted, eligible, 'video_abc'));
    expect(indexes(orderTargets(weighted, eligible, 'video_abc'))).toEqual(first);
    expect([...first].sort()).toEqual([0, 1, 2, 3]);
  });

  it('picks targets in proportion to their weights over many videos', () => {
    const weighted = route('weighted', [3, 1, 0.5, 0.5]);
    const picks = [0, 0, 0, 0];
    const videos = 20_000;
    for (let video = 0; video < videos; video += 1) {
      const [chosen] = orderTargets(weighted, eligible, `video_${video}`);
      picks[chosen!.index] = (picks[chosen!.index] ?? 0) + 1;
    }
    const shares = picks.map((count) => count / videos);
    expect(shares[0]).toBeCloseTo(0.6, 1);
    expect(shares[1]).toBeCloseTo(0.2, 1);
    expect(shares[2]).toBeCloseTo(0.1, 1);
    expect(shares[3]).toBeCloseTo(0.1, 1);
  });
});
