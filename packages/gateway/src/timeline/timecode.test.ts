import { describe, expect, it } from 'vitest';
import {
  framesToTimecode,
  framesToTimecodeParts,
  timecodePartsToFrames,
  timecodeToFrames,
} from './timecode.js';
import type { FrameRate } from './timeline-model.js';

const fps24: FrameRate = { numerator: 24, denominator: 1 };
const fps2997: FrameRate = { numerator: 30000, denominator: 1001 };
const fps5994: FrameRate = { numerator: 60000, denominator: 1001 };
const fps23976: FrameRate = { numerator: 24000, denominator: 1001 };

describe('framesToTimecode', () => {
  it('writes the sample timeline’s record and source timecodes at 24 NDF', () => {
    expect(framesToTimecode(86400, fps24, 'NDF')).toBe('01:00:00:00');
    expect(framesToTimecode(86521, fps24, 'NDF')).toBe('01:00:05:01');
    expect(framesToTimecode(86655, fps24, 'NDF')).toBe('01:00:10:15');
    expect(framesToTimecode(73, fps24, 'NDF')).toBe('00:00:03:01');
  });

  it('counts 23.976 as non-drop at 24', () => {
    expect(framesToTimecode(86400, fps23976, 'NDF')).toBe('01:00:00:00');
  });

  it('writes the known 29.97 drop-frame labels', () => {
    expect(framesToTimecode(1799, fps2997, 'DF')).toBe('00:00:59;29');
    expect(framesToTimecode(1800, fps2997, 'DF')).toBe('00:01:00;02');
    expect(framesToTimecode(17982, fps2997, 'DF')).toBe('00:10:00;00');
    expect(framesToTimecode(107892, fps2997, 'DF')).toBe('01:00:00;00');
    expect(framesToTimecode(1800, fps2997, 'NDF')).toBe('00:01:00:00');
  });

  it('writes 59.94 drop-frame with four labels skipped', () => {
    expect(framesToTimecode(3599, fps5994, 'DF')).toBe('00:00:59;59');
    expect(framesToTimecode(3600, fps5994, 'DF')).toBe('00:01:00;04');
    expect(framesToTimecode(35964, fps5994, 'DF')).toBe('00:10:00;00');
  });

  it('refuses negative and fractional counts', () => {
    expect(() => framesToTimecode(-1, fps24, 'NDF')).toThrow(RangeError);
    expect(() => framesToTimecode(1.5, fps24, 'NDF')).toThrow(RangeError);
  });
});

describe('timecodeToFrames', () => {
  it('reads start timecodes, taking DF from the separator', () => {
    expect(timecodeToFrames('01:00:00:00', fps24)).toBe(86400);
    expect(timecodeToFrames('00:01:00;02', fps2997)).toBe(1800);
    expect(timecodeToFrames('00:10:00;00', fps2997)).toBe(17982);
    expect(timecodeToFrames('00:01:00:02', fps2997)).toBe(1802);
    expect(timecodeToFrames('00:01:00:02', fps2997, 'DF')).toBe(1800);
  });

  it.each([
    ['1:00:00:00', fps24],
    ['01:60:00:00', fps24],
    ['01:00:00:24', fps24],
    ['00:01:00;00', fps2997],
    ['00:01:00;03', fps5994],
    ['00:00:00;00', fps24],
  ])('refuses %s with a 400', (text, rate) => {
    expect(() => timecodeToFrames(text, rate)).toThrowError(
      expect.objectContaining({ status: 400, param: 'start_timecode' }),
    );
  });
});

/**
 * Every frame of 24 hours: labels strictly increase (so none repeats), no dropped label is ever
 * written, and each label reads back to its frame. Fields are compared as numbers, so the loop
 * stays within a few seconds for 7.8 million frames; strings are checked on a stride.
 */
function checkDayOfDropFrame(rate: FrameRate, dropped: number): number {
  const base = Math.ceil(rate.numerator / rate.denominator);
  const total = timecodePartsToFrames({ hours: 24, minutes: 0, seconds: 0, frames: 0 }, rate, 'DF');
  let previous = -1;
  for (let frame = 0; frame < total; frame += 1) {
    const parts = framesToTimecodeParts(frame, rate, 'DF');
    const key = ((parts.hours * 60 + parts.minutes) * 60 + parts.seconds) * base + parts.frames;
    if (key <= previous) throw new Error(`label not increasing at frame ${frame}`);
    if (parts.seconds === 0 && parts.frames < dropped && parts.minutes % 10 !== 0) {
      throw new Error(`dropped label written at frame ${frame}`);
    }
    if (timecodePartsToFrames(parts, rate, 'DF') !== frame) {
      throw new Error(`frame ${frame} does not round-trip`);
    }
    if (frame % 997 === 0) {
      const text = framesToTimecode(frame, rate, 'DF');
      if (timecodeToFrames(text, rate) !== frame) throw new Error(`${text} misread`);
    }
    previous = key;
  }
  return total;
}

describe('drop-frame over a whole day', () => {
  it('round-trips every frame at 29.97 DF', () => {
    expect(checkDayOfDropFrame(fps2997, 2)).toBe(144 * 17982);
    expect(framesToTimecode(144 * 17982 - 1, fps2997, 'DF')).toBe('23:59:59;29');
  });

  it('round-trips every frame at 59.94 DF', () => {
    expect(checkDayOfDropFrame(fps5994, 4)).toBe(144 * 35964);
    expect(framesToTimecode(144 * 35964 - 1, fps5994, 'DF')).toBe('23:59:59;59');
  });
});
