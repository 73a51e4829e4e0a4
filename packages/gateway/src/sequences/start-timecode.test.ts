import { describe, expect, it } from 'vitest';
import { resolveRate } from './sequence-rate.js';
import { displayStartTimecode, normaliseStartTimecode, startFrameOf } from './start-timecode.js';

const at = (fps: string | number, dropFrame?: boolean) => resolveRate(fps, dropFrame);

describe('sequence rates', () => {
  it.each([
    ['23.976', 24000, 1001, 'NDF'],
    [24, 24, 1, 'NDF'],
    ['30000/1001', 30000, 1001, 'NDF'],
    ['29.97DF', 30000, 1001, 'DF'],
    ['59.94df', 60000, 1001, 'DF'],
    ['59.94NDF', 60000, 1001, 'NDF'],
    [' 60 ', 60, 1, 'NDF'],
  ])('%j is %i/%i %s', (fps, numerator, denominator, timecode) => {
    expect(at(fps)).toEqual({ rate: { numerator, denominator }, timecode });
  });

  it('takes drop_frame at 29.97 and 59.94 only, and never against the suffix', () => {
    expect(at('29.97', true).timecode).toBe('DF');
    expect(() => at('25', true)).toThrow(/only at 29.97 and 59.94/);
    expect(() => at('29.97NDF', true)).toThrow(/contradicts/);
    expect(() => at(23.98)).toThrow(/23\.976, 24, 25, 29\.97, 30, 50, 59\.94, 60/);
    expect(() => at('16')).toThrow(/not supported/);
  });
});

describe('start timecodes', () => {
  it('counts 01:00:00:00 as an hour of frames at each rate', () => {
    expect(startFrameOf('01:00:00:00', at(24))).toBe(86_400);
    expect(startFrameOf('01:00:00:00', at('23.976'))).toBe(86_400);
    expect(startFrameOf('01:00:00:00', at(25))).toBe(90_000);
    // Drop-frame skips 108 labels an hour at 29.97 and 216 at 59.94.
    expect(startFrameOf('01:00:00:00', at('29.97DF'))).toBe(107_892);
    expect(startFrameOf('01:00:00:00', at('59.94DF'))).toBe(215_784);
    expect(startFrameOf('00:01:00:02', at('29.97DF'))).toBe(1800);
    expect(startFrameOf('00:10:00:00', at('29.97DF'))).toBe(17_982);
  });

  it('refuses labels that name no frame, and writes DF with a semicolon', () => {
    expect(normaliseStartTimecode('00:59:59;23', at(24))).toBe('00:59:59:23');
    expect(() => normaliseStartTimecode('00:00:00:24', at(24))).toThrow(/frame field/);
    expect(() => normaliseStartTimecode('00:01:00;01', at('29.97DF'))).toThrow(/skips/);
    expect(normaliseStartTimecode('00:10:00;00', at('29.97DF'))).toBe('00:10:00:00');
    expect(() => normaliseStartTimecode('24:00:00:00', at(24))).toThrow(/time of day/);
    expect(() => normaliseStartTimecode(3600, at(24))).toThrow(/HH:MM:SS:FF/);
    expect(displayStartTimecode('01:00:00:00', 'DF')).toBe('01:00:00;00');
    expect(displayStartTimecode('01:00:00:00', 'NDF')).toBe('01:00:00:00');
  });
});
