/** Why an image was refused before any check looked at it. */
export type UnsafeImageReason =
  | 'too_large'
  | 'unsupported_type'
  | 'too_many_pixels'
  | 'undecodable'
  | 'timed_out';

/**
 * An image screening will not decode. `detail` completes a sentence about the input ("is
 * 20000x20000 ..."), so a caller names the field: `input_reference ${detail}`.
 */
export class UnsafeImageError extends Error {
  readonly reason: UnsafeImageReason;
  readonly detail: string;

  constructor(reason: UnsafeImageReason, detail: string) {
    super(`image ${detail}`);
    this.name = 'UnsafeImageError';
    this.reason = reason;
    this.detail = detail;
  }
}
