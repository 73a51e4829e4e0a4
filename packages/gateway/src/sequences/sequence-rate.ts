import { InvalidRequestError } from '@vgw/spec';
import {
  rateLabel,
  SUPPORTED_RATES,
  supportsDropFrame,
  type SupportedRate,
} from '../timeline/frame-rate.js';

const supportedList = `${SUPPORTED_RATES.map((supported) => supported.label).join(', ')} (29.97 and 59.94 also as "29.97DF"/"59.94DF" or with drop_frame: true)`;

export interface ResolvedRate {
  rate: { numerator: number; denominator: number };
  timecode: 'NDF' | 'DF';
}

function findRate(text: string): SupportedRate | undefined {
  return SUPPORTED_RATES.find(
    ({ label, rate }) => label === text || `${rate.numerator}/${rate.denominator}` === text,
  );
}

/**
 * `fps` as a label (`"23.976"`, `24`, `"29.97DF"`, `"59.94NDF"`) or an exact fraction
 * (`"24000/1001"`), and `drop_frame` (false unless said): DF is a way of counting labels, so it
 * is asked for, never guessed from the rate.
 */
export function resolveRate(fps: unknown, dropFrame: boolean | undefined): ResolvedRate {
  const text = typeof fps === 'number' ? String(fps) : typeof fps === 'string' ? fps.trim() : '';
  const suffix = /^(.*?)(N?DF)$/i.exec(text);
  const found = findRate(suffix != null ? (suffix[1] ?? '') : text);
  if (found == null) {
    throw new InvalidRequestError(
      `fps ${JSON.stringify(fps)} is not supported; use one of ${supportedList}`,
      'fps',
      'unsupported_frame_rate',
    );
  }
  const suffixSays = suffix != null ? suffix[2]?.toUpperCase() === 'DF' : undefined;
  if (suffixSays != null && dropFrame != null && suffixSays !== dropFrame) {
    throw new InvalidRequestError(
      `drop_frame ${dropFrame} contradicts fps "${text}"`,
      'drop_frame',
    );
  }
  const wantsDrop = suffixSays ?? dropFrame ?? false;
  if (wantsDrop && !supportsDropFrame(found.rate)) {
    throw new InvalidRequestError(
      `drop-frame timecode exists only at 29.97 and 59.94, not at ${found.label}`,
      suffixSays != null ? 'fps' : 'drop_frame',
    );
  }
  return { rate: { ...found.rate }, timecode: wantsDrop ? 'DF' : 'NDF' };
}

/** The label of a stored rate (`29.97`); rates are only ever stored from the supported list. */
export function rateLabelOf(rate: { numerator: number; denominator: number }): string {
  return rateLabel(rate);
}
