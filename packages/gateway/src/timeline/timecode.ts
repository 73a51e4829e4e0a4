import { InvalidRequestError } from '@vgw/spec';
import { assertTimecodeMode, nominalRate } from './frame-rate.js';
import type { FrameRate, TimecodeMode } from './timeline-model.js';

/** A timecode label split into its fields; `frames` is the frame field, not a count. */
export interface TimecodeParts {
  hours: number;
  minutes: number;
  seconds: number;
  frames: number;
}

/**
 * Labels dropped at the start of each minute not divisible by ten: 2 at 29.97, 4 at 59.94
 * (nominal rate / 15). Only labels are skipped; no frame is discarded.
 */
function droppedPerMinute(rate: FrameRate, mode: TimecodeMode): number {
  return mode === 'DF' ? nominalRate(rate) / 15 : 0;
}

/**
 * A frame count to its label. In DF each ten-minute block holds `600·n − 9·d` frames and every
 * minute after its first holds `60·n − d`; adding back the skipped labels gives an NDF-style
 * count that splits into fields. Hours run past 23 rather than wrap, so no two frames share one.
 */
export function framesToTimecodeParts(
  frameCount: number,
  rate: FrameRate,
  mode: TimecodeMode,
): TimecodeParts {
  if (!Number.isSafeInteger(frameCount) || frameCount < 0) {
    throw new RangeError(`A timecode needs a whole, non-negative frame count, not ${frameCount}.`);
  }
  const base = nominalRate(rate);
  const drop = droppedPerMinute(rate, mode);
  let labelCount = frameCount;
  if (drop > 0) {
    const perMinute = base * 60 - drop;
    const perTenMinutes = base * 600 - drop * 9;
    const blocks = Math.floor(frameCount / perTenMinutes);
    const rest = frameCount % perTenMinutes;
    labelCount +=
      drop * 9 * blocks + (rest > drop ? drop * Math.floor((rest - drop) / perMinute) : 0);
  }
  const totalSeconds = Math.floor(labelCount / base);
  return {
    hours: Math.floor(totalSeconds / 3600),
    minutes: Math.floor(totalSeconds / 60) % 60,
    seconds: totalSeconds % 60,
    frames: labelCount % base,
  };
}

/** The inverse of `framesToTimecodeParts`; throws for a label drop-frame never produces. */
export function timecodePartsToFrames(
  parts: TimecodeParts,
  rate: FrameRate,
  mode: TimecodeMode,
): number {
  const base = nominalRate(rate);
  const drop = droppedPerMinute(rate, mode);
  if (parts.minutes > 59 || parts.seconds > 59 || parts.frames >= base) {
    throw new RangeError(`Timecode field out of range for ${base} fps.`);
  }
  if (drop > 0 && parts.seconds === 0 && parts.frames < drop && parts.minutes % 10 !== 0) {
    throw new RangeError('That label is skipped in drop-frame timecode.');
  }
  const totalMinutes = parts.hours * 60 + parts.minutes;
  const labels = (parts.hours * 3600 + parts.minutes * 60 + parts.seconds) * base + parts.frames;
  return labels - drop * (totalMinutes - Math.floor(totalMinutes / 10));
}

const two = (value: number): string => (value < 10 ? `0${value}` : String(value));

/** `HH:MM:SS:FF`, or `HH:MM:SS;FF` in drop-frame (the conventional separator). */
export function framesToTimecode(frameCount: number, rate: FrameRate, mode: TimecodeMode): string {
  const parts = framesToTimecodeParts(frameCount, rate, mode);
  const separator = mode === 'DF' ? ';' : ':';
  return `${two(parts.hours)}:${two(parts.minutes)}:${two(parts.seconds)}${separator}${two(parts.frames)}`;
}

const timecodePattern = /^(\d{2,3}):(\d{2}):(\d{2})([:;.,])(\d{2})$/;

/**
 * A timecode string to a frame count at `rate`. The mode comes from the argument, or, when
 * null, from the separator (`;`, `,` or `.` mean drop-frame, as NLEs write them). Bad input is a
 * 400 naming `param`, since start timecodes come from users.
 */
export function timecodeToFrames(
  text: string,
  rate: FrameRate,
  mode: TimecodeMode | null = null,
  param = 'start_timecode',
): number {
  const match = timecodePattern.exec(text.trim());
  if (match == null) {
    throw new InvalidRequestError(`'${text}' is not a timecode: write HH:MM:SS:FF.`, param);
  }
  const effectiveMode: TimecodeMode = mode ?? (match[4] === ':' ? 'NDF' : 'DF');
  assertTimecodeMode(rate, effectiveMode, param);
  const parts: TimecodeParts = {
    hours: Number(match[1]),
    minutes: Number(match[2]),
    seconds: Number(match[3]),
    frames: Number(match[5]),
  };
  try {
    return timecodePartsToFrames(parts, rate, effectiveMode);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidRequestError(`'${text}' is not a valid timecode: ${reason}`, param);
  }
}
