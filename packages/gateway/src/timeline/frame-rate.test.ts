import { describe, expect, it } from 'vitest';
import {
  SUPPORTED_RATES,
  assertTimecodeMode,
  isNtsc,
  nominalRate,
  parseFrameRate,
  rateLabel,
  sameRate,
  supportsDropFrame,
} from './frame-rate.js';

describe('parseFrameRate', () => {
  it.each([
    ['23.976', 24000, 1001],
    ['23.98', 24000, 1001],
    ['24000/1001', 24000, 1001],
    ['24', 24, 1],
    ['24.0', 24, 1],
    ['48/2', 24, 1],
    ['25', 25, 1],
    ['29.97', 30000, 1001],
    ['30000/1001', 30000, 1001],
    [' 30 ', 30, 1],
    ['50', 50, 1],
    ['59.94', 60000, 1001],
    ['60000/1001', 60000, 1001],
    ['60', 60, 1],
  ])('reads %s as %d/%d', (text, numerator, denominator) => {
    expect(parseFrameRate(text)).toEqual({ numerator, denominator });
  });

  it.each(['16', '23.9', '24/0', '0', 'abc', '', '-24', '120', '1e3'])(
    'refuses %j with a 400 naming the rates',
    (text) => {
      expect(() => parseFrameRate(text, 'timeline.fps')).toThrowError(
        expect.objectContaining({ status: 400, param: 'timeline.fps' }),
      );
      expect(() => parseFrameRate(text)).toThrow(/23\.976, 24, 25, 29\.97, 30, 50, 59\.94, 60/);
    },
  );
});

describe('rate facts', () => {
  it('gives the timebase, NTSC flag and drop-frame support of every supported rate', () => {
    const facts = SUPPORTED_RATES.map(({ label, rate }) => [
      label,
      nominalRate(rate),
      isNtsc(rate),
      supportsDropFrame(rate),
    ]);
    expect(facts).toEqual([
      ['23.976', 24, true, false],
      ['24', 24, false, false],
      ['25', 25, false, false],
      ['29.97', 30, true, true],
      ['30', 30, false, false],
      ['50', 50, false, false],
      ['59.94', 60, true, true],
      ['60', 60, false, false],
    ]);
  });

  it('compares rates by value and labels unsupported ones exactly', () => {
    expect(sameRate({ numerator: 48, denominator: 2 }, { numerator: 24, denominator: 1 })).toBe(
      true,
    );
    expect(
      sameRate({ numerator: 24000, denominator: 1001 }, { numerator: 24, denominator: 1 }),
    ).toBe(false);
    expect(rateLabel({ numerator: 16, denominator: 1 })).toBe('16');
    expect(rateLabel({ numerator: 12000, denominator: 1001 })).toBe('12000/1001');
    expect(rateLabel({ numerator: 48000, denominator: 2002 })).toBe('23.976');
  });

  it('refuses drop-frame at a rate without it', () => {
    expect(() => assertTimecodeMode({ numerator: 24, denominator: 1 }, 'DF')).toThrow(/NDF/);
    expect(() => assertTimecodeMode({ numerator: 30000, denominator: 1001 }, 'DF')).not.toThrow();
  });
});
