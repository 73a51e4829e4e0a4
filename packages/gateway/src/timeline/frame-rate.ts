import { InvalidRequestError } from '@vgw/spec';
import type { FrameRate, TimecodeMode } from './timeline-model.js';

/** A rate a timeline may run at, with the label users type and NLEs show. */
export interface SupportedRate {
  label: string;
  rate: FrameRate;
}

export const SUPPORTED_RATES: readonly SupportedRate[] = [
  { label: '23.976', rate: { numerator: 24000, denominator: 1001 } },
  { label: '24', rate: { numerator: 24, denominator: 1 } },
  { label: '25', rate: { numerator: 25, denominator: 1 } },
  { label: '29.97', rate: { numerator: 30000, denominator: 1001 } },
  { label: '30', rate: { numerator: 30, denominator: 1 } },
  { label: '50', rate: { numerator: 50, denominator: 1 } },
  { label: '59.94', rate: { numerator: 60000, denominator: 1001 } },
  { label: '60', rate: { numerator: 60, denominator: 1 } },
];

const supportedLabels = SUPPORTED_RATES.map((supported) => supported.label).join(', ');

/** Rates compare by value, so 48/2 equals 24/1 (cross-multiplied, exact for these magnitudes). */
export function sameRate(left: FrameRate, right: FrameRate): boolean {
  return left.numerator * right.denominator === right.numerator * left.denominator;
}

/** NTSC rates are the x/1001 family; every format flags them (xmeml `ntsc`, FCPXML 1001 times). */
export function isNtsc(rate: FrameRate): boolean {
  const reduced = reduceRate(rate);
  return reduced.denominator === 1001;
}

/** The timebase timecode counts in: 24 for 23.976, 30 for 29.97 (`ceil`, as OTIO's adapters do). */
export function nominalRate(rate: FrameRate): number {
  return Math.ceil(rate.numerator / rate.denominator);
}

/** Drop-frame counting exists only at 29.97 and 59.94. */
export function supportsDropFrame(rate: FrameRate): boolean {
  return (
    sameRate(rate, { numerator: 30000, denominator: 1001 }) ||
    sameRate(rate, { numerator: 60000, denominator: 1001 })
  );
}

export function reduceRate(rate: FrameRate): FrameRate {
  const divisor = greatestCommonDivisor(rate.numerator, rate.denominator);
  return { numerator: rate.numerator / divisor, denominator: rate.denominator / divisor };
}

/** The supported entry for a rate, or null: the list timelines are allowed to run at. */
export function findSupportedRate(rate: FrameRate): SupportedRate | null {
  return SUPPORTED_RATES.find((supported) => sameRate(supported.rate, rate)) ?? null;
}

/** A label for messages: `23.976` for a supported rate, `16` or `12000/1001` otherwise. */
export function rateLabel(rate: FrameRate): string {
  const supported = findSupportedRate(rate);
  if (supported != null) return supported.label;
  const reduced = reduceRate(rate);
  return reduced.denominator === 1
    ? String(reduced.numerator)
    : `${reduced.numerator}/${reduced.denominator}`;
}

/**
 * A user-facing rate string to a supported rate: a decimal label (`23.976`, `23.98`, `29.97`,
 * `24`, `24.0`) or an exact fraction (`24000/1001`, `24/1`). Decimals match a supported rate
 * within 0.005, so the rounded labels NLEs display are accepted; anything else is a 400.
 */
export function parseFrameRate(text: string, param = 'fps'): FrameRate {
  const trimmed = text.trim();
  const fraction = /^(\d{1,6})\s*\/\s*(\d{1,6})$/.exec(trimmed);
  let candidate: FrameRate | null = null;
  if (fraction != null) {
    const numerator = Number(fraction[1]);
    const denominator = Number(fraction[2]);
    if (numerator > 0 && denominator > 0) candidate = { numerator, denominator };
  } else if (/^\d{1,3}(\.\d{1,6})?$/.test(trimmed)) {
    const value = Number(trimmed);
    const near = SUPPORTED_RATES.find(
      (supported) =>
        Math.abs(supported.rate.numerator / supported.rate.denominator - value) < 0.005,
    );
    if (near != null) candidate = near.rate;
  }
  const supported = candidate == null ? null : findSupportedRate(candidate);
  if (supported == null) {
    throw new InvalidRequestError(
      `Unsupported frame rate '${text}': use one of ${supportedLabels} (or a fraction such as 24000/1001).`,
      param,
    );
  }
  return { ...supported.rate };
}

/** Checks a timecode mode against its rate: DF at 24 fps is a user error, not a silent NDF. */
export function assertTimecodeMode(rate: FrameRate, mode: TimecodeMode, param = 'timecode'): void {
  if (mode === 'DF' && !supportsDropFrame(rate)) {
    throw new InvalidRequestError(
      `Drop-frame timecode exists only at 29.97 and 59.94 fps, not at ${rateLabel(rate)}: use NDF.`,
      param,
    );
  }
}

function greatestCommonDivisor(left: number, right: number): number {
  let a = Math.abs(left);
  let b = Math.abs(right);
  while (b !== 0) [a, b] = [b, a % b];
  return a === 0 ? 1 : a;
}
