import { InvalidRequestError } from '@vgw/spec';
import { nominalRate } from '../timeline/frame-rate.js';
import { timecodePartsToFrames } from '../timeline/timecode.js';

/** Where a new Resolve or Premiere timeline starts, and so where ours do unless told. */
export const defaultStartTimecode = '01:00:00:00';

interface Counting {
  rate: { numerator: number; denominator: number };
  timecode: 'NDF' | 'DF';
}

function fields(label: string): [number, number, number, number] {
  return label.split(/[:;]/).map(Number) as [number, number, number, number];
}

/**
 * A start label checked against the rate and counting (`HH:MM:SS:FF`, `;` or `:` before the
 * frames), stored with colons. Drop-frame skips labels `00`/`01` (`00`–`03` at 59.94) at every
 * minute not divisible by ten, so those labels name no frame.
 */
export function normaliseStartTimecode(input: unknown, counting: Counting): string {
  const text = typeof input === 'string' ? input.trim() : '';
  const match = /^(\d{2}):(\d{2}):(\d{2})[:;](\d{2})$/.exec(text);
  const fail = (why: string): never => {
    throw new InvalidRequestError(
      `start_timecode ${JSON.stringify(input)} ${why}`,
      'start_timecode',
    );
  };
  if (match == null) return fail('must be HH:MM:SS:FF (or HH:MM:SS;FF), e.g. 01:00:00:00');
  const [hours, minutes, seconds, frames] = fields(text);
  const base = nominalRate(counting.rate);
  if (hours > 23 || minutes > 59 || seconds > 59) return fail('is not a time of day');
  if (frames >= base) return fail(`has a frame field past ${base - 1} at ${base} fps`);
  const dropped = counting.timecode === 'DF' ? base / 15 : 0;
  if (dropped > 0 && seconds === 0 && frames < dropped && minutes % 10 !== 0) {
    return fail('is a label drop-frame timecode skips');
  }
  return text.replace(';', ':');
}

/** The label as it is written for the counting: `;` before the frames in drop-frame. */
export function displayStartTimecode(stored: string, timecode: 'NDF' | 'DF'): string {
  return timecode === 'DF' ? `${stored.slice(0, 8)};${stored.slice(9)}` : stored;
}

/** The first frame as a frame count at the rate (01:00:00:00 at 24 = 86400). */
export function startFrameOf(stored: string, counting: Counting): number {
  const [hours, minutes, seconds, frames] = fields(stored);
  return timecodePartsToFrames(
    { hours, minutes, seconds, frames },
    counting.rate,
    counting.timecode,
  );
}
