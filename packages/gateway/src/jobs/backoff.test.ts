import { describe, expect, it } from 'vitest';
import { retryDelaySeconds } from './backoff.js';

describe('retryDelaySeconds', () => {
  it('doubles from one second and caps', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((attempt) => retryDelaySeconds(attempt))).toEqual([
      1, 2, 4, 8, 16, 32, 60, 60,
    ]);
    expect(retryDelaySeconds(10_000)).toBe(60);
    expect(retryDelaySeconds(-3)).toBe(1);
    expect(retryDelaySeconds(3, { baseSeconds: 2, maxSeconds: 10 })).toBe(10);
  });
});
