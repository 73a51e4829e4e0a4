import { describe, expect, it } from 'vitest';
import { formatUsd, usdToMicroUsd } from './money.js';

describe('money', () => {
  it('formats micro-USD with six decimals, exactly', () => {
    expect(formatUsd(400_000)).toBe('0.400000');
    expect(formatUsd(0)).toBe('0.000000');
    expect(formatUsd(12_345_678_901)).toBe('12345.678901');
    expect(formatUsd(-1)).toBe('-0.000001');
    expect(() => formatUsd(0.5)).toThrow(RangeError);
  });

  it('rounds USD to the nearest micro-dollar', () => {
    expect(usdToMicroUsd(0.1)).toBe(100_000);
    expect(usdToMicroUsd(0.15)).toBe(150_000);
    expect(usdToMicroUsd(1e-7)).toBe(0);
    expect(usdToMicroUsd(25)).toBe(25_000_000);
  });
});
