import type { OpenCv } from './opencv-loader.js';
import type { FlowField } from './optical-flow.js';
import { warpImage } from './optical-flow.js';
import type { RawImage } from './raw-image.js';
import { mean, meanAbsoluteDifference } from './raw-image.js';

/**
 * Motion smoothness, approximating VBench (motion_smoothness.py): predict each odd frame 2k+1 from
 * its even neighbours 2k and 2k+2 and score `(255 − mean |prediction − real|) / 255` on RGB.
 * VBench predicts with the AMT-S interpolation network; we warp both neighbours half-way along the
 * Farneback flow 2k→2k+2, chained from the consecutive flows 2k→2k+1→2k+2 that the warping error
 * already computed (using the flow at the target pixel, exact for locally uniform motion)
 * and average them. Analysis size: 160 on the long side, RGB. Detects jerky, non-linear motion,
 * dropped or duplicated frames and flicker (unpredictable changes). Blind spots: occlusions and
 * fast motion are predicted poorly even when natural; a frozen video scores 1.
 */
export function interpolateMidpoint(
  cv: OpenCv,
  before: RawImage,
  after: RawImage,
  flowBeforeToAfter: FlowField,
): RawImage {
  const fromBefore = warpImage(cv, before, flowBeforeToAfter, -0.5);
  const fromAfter = warpImage(cv, after, flowBeforeToAfter, 0.5);
  const blended = new Uint8Array(fromBefore.data.length);
  for (let index = 0; index < blended.length; index += 1) {
    blended[index] = ((fromBefore.data[index] ?? 0) + (fromAfter.data[index] ?? 0) + 1) >> 1;
  }
  return { ...before, data: blended };
}

/** Mean absolute error (0–255) of the predicted middle frame. */
export function motionSmoothnessPair(
  cv: OpenCv,
  before: RawImage,
  middle: RawImage,
  after: RawImage,
  flowBeforeToAfter: FlowField,
): number {
  const predicted = interpolateMidpoint(cv, before, after, flowBeforeToAfter);
  return meanAbsoluteDifference(predicted.data, middle.data);
}

/** `(255 − mean error) / 255` over all predicted frames; 1 = perfectly predictable motion. */
export function motionSmoothnessScore(predictionErrors: readonly number[]): number {
  return (255 - mean(predictionErrors)) / 255;
}
