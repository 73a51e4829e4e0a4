import { InvalidRequestError } from '@vgw/spec';

/** A rate a sequence may run at: the label users type and editors show, and its exact value. */
interface SequenceRate {
  label: string;
  numerator: number;
  denominator: number;
  /** Drop-frame counting exists only at 29.97 and 59.94. */
  dropFrameAllowed: boolean;
}

const rates: readonly SequenceRate[] = [
  { label: '23.976', numerator: 24000, denominator: 1001, dropFrameAllowed: false },
  { label: '24', numerator: 24, denominator: 1, dropFrameAllowed: false },
  { label: '25', numerator: 25, denominator: 1, dropFrameAllowed: false },
  { label: '29.97', numerator: 30000, denominator: 1001, dropFrameAllowed: true },
  { label: '30', numerator: 30, denominator: 1, dropFrameAllowed: false },
  { label: '50', numerator: 50, denominator: 1, dropFrameAllowed: false },
  { label: '59.94', numerator: 60000, denominator: 1001, dropFrameAllowed: true },
  { label: '60', numerator: 60, denominator: 1, dropFrameAllowed: false },
];

const supportedList = `${rates.map((rate) => rate.label).join(', ')} (29.97 and 59.94 also as "29.97DF"/"59.94DF" or with drop_frame: true)`;

export interface ResolvedRate {
  rate: { numerator: number; denominator: number };
  timecode: 'NDF' | 'DF';
}

function findRate(text: string): SequenceRate | undefined {
  return rates.find(
    (rate) =>
      rate.label === text ||
      `${rate.numerator}/${rate.denominator}` === text ||
      (rate.denominator === 1 && `${rate.numerator}/1` === text),
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
  const rate = findRate(suffix != null ? (suffix[1] ?? '') : text);
  if (rate == null) {
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
  if (wantsDrop && !rate.dropFrameAllowed) {
    throw new InvalidRequestError(
      `drop-frame timecode exists only at 29.97 and 59.94, not at ${rate.label}`,
      suffixSays != null ? 'fps' : 'drop_frame',
    );
  }
  return {
    rate: { numerator: rate.numerator, denominator: rate.denominator },
    timecode: wantsDrop ? 'DF' : 'NDF',
  };
}

/** The label of a stored rate (`29.97`); rates are only ever stored from the table above. */
export function rateLabelOf(rate: { numerator: number; denominator: number }): string {
  const found = rates.find(
    (each) => each.numerator * rate.denominator === rate.numerator * each.denominator,
  );
  return found?.label ?? `${rate.numerator}/${rate.denominator}`;
}
