import { describe, expect, it } from 'vitest';
import { fakeRun } from '../../test-support/bench-fixtures.js';
import { pairwiseWinRates, winRatesByShot } from './win-rates.js';

// p1, p2 static; p3 action. C fails p2. Computed by hand below.
const runs = [
  fakeRun({ model: 'A', promptId: 'p1', index: 80 }),
  fakeRun({ model: 'B', promptId: 'p1', index: 70 }),
  fakeRun({ model: 'C', promptId: 'p1', index: 80 }),
  fakeRun({ model: 'A', promptId: 'p2', index: 60 }),
  fakeRun({ model: 'B', promptId: 'p2', index: 65 }),
  fakeRun({ model: 'C', promptId: 'p2', index: null }),
  fakeRun({ model: 'A', promptId: 'p3', shot: 'action', index: 50 }),
  fakeRun({ model: 'B', promptId: 'p3', shot: 'action', index: 50 }),
  fakeRun({ model: 'C', promptId: 'p3', shot: 'action', index: 90 }),
];

function rateOf(rates: ReturnType<typeof pairwiseWinRates>, model: string, opponent: string) {
  return rates.find((rate) => rate.model === model && rate.opponent === opponent);
}

describe('pairwiseWinRates', () => {
  const rates = pairwiseWinRates(['A', 'B', 'C'], runs);

  it('has every ordered pair once', () => {
    expect(rates).toHaveLength(6);
  });

  it('counts a tie as half a win', () => {
    // A beats B on p1, loses p2, ties p3: (1 + 0.5) / 3.
    expect(rateOf(rates, 'A', 'B')).toEqual({
      model: 'A',
      opponent: 'B',
      wins: 1,
      ties: 1,
      comparisons: 3,
      rate: 0.5,
    });
    expect(rateOf(rates, 'B', 'A')?.rate).toBe(0.5);
  });

  it('leaves out cells either engine failed', () => {
    // C failed p2: A and C meet on p1 (tie) and p3 (C wins).
    expect(rateOf(rates, 'A', 'C')).toMatchObject({ wins: 0, ties: 1, comparisons: 2, rate: 0.25 });
    expect(rateOf(rates, 'C', 'A')).toMatchObject({ wins: 1, ties: 1, comparisons: 2, rate: 0.75 });
    expect(rateOf(rates, 'B', 'C')).toMatchObject({ wins: 0, comparisons: 2, rate: 0 });
    expect(rateOf(rates, 'C', 'B')?.rate).toBe(1);
  });

  it('pairs repeats separately and is null with nothing in common', () => {
    const repeated = [
      fakeRun({ model: 'A', repeat: 0, index: 50 }),
      fakeRun({ model: 'A', repeat: 1, index: 90 }),
      fakeRun({ model: 'B', repeat: 0, index: 60 }),
      fakeRun({ model: 'B', repeat: 1, index: 70 }),
      fakeRun({ model: 'D', index: null }),
    ];
    const result = pairwiseWinRates(['A', 'B', 'D'], repeated);
    expect(rateOf(result, 'A', 'B')).toMatchObject({ wins: 1, comparisons: 2, rate: 0.5 });
    expect(rateOf(result, 'A', 'D')).toMatchObject({ comparisons: 0, rate: null });
  });
});

describe('winRatesByShot', () => {
  it('splits the cells by shot type', () => {
    const byShot = winRatesByShot(['A', 'B', 'C'], runs);
    expect(Object.keys(byShot)).toEqual(['static', 'action']);
    const staticRates = byShot.static ?? [];
    const actionRates = byShot.action ?? [];
    expect(rateOf(staticRates, 'A', 'B')).toMatchObject({ wins: 1, comparisons: 2, rate: 0.5 });
    expect(rateOf(staticRates, 'A', 'C')).toMatchObject({ ties: 1, comparisons: 1, rate: 0.5 });
    expect(rateOf(actionRates, 'A', 'C')).toMatchObject({ comparisons: 1, rate: 0 });
    expect(rateOf(actionRates, 'A', 'B')).toMatchObject({ ties: 1, rate: 0.5 });
  });
});
