import { reduceRate } from './frame-rate.js';
import type { FrameRate } from './timeline-model.js';

/**
 * `frames` at `rate` as FCPXML rational seconds, the way Final Cut Pro writes them: integer
 * rates scaled by 100 (`12100/2400s` is 121 frames at 24), NTSC rates over their own numerator
 * (`1001/24000s` per frame at 23.976), and whole seconds as `3600s`. Every value is therefore a
 * whole multiple of that rate's `frameDuration`.
 */
export function fcpxmlTime(frames: number, rate: FrameRate): string {
  const reduced = reduceRate(rate);
  const scale = reduced.denominator === 1 ? 100 : 1;
  const numerator = frames * reduced.denominator * scale;
  const denominator = reduced.numerator * scale;
  if (numerator % denominator === 0) return `${numerator / denominator}s`;
  return `${numerator}/${denominator}s`;
}

/** One frame at `rate`: the `format@frameDuration` every other time is a multiple of. */
export function frameDuration(rate: FrameRate): string {
  return fcpxmlTime(1, rate);
}
