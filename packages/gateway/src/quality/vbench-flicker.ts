import type { RawImage } from './raw-image.js';
import { mean, meanAbsoluteDifference } from './raw-image.js';

/**
 * VBench "temporal flickering" (vbench/temporal_flickering.py): for consecutive frames, the mean
 * absolute difference of all samples; the video scores `(255 − mean over pairs) / 255`, 1 = no
 * change at all. Analysis size: NATIVE resolution (downscaling averages noise away and inflates
 * the score: 0.903 native vs 0.955 at 256×144 on a noisy clip). We decode gray (full-range luma)
 * where VBench averages B, G and R: pure chroma flicker is missed, luma flicker is the same.
 * Blind spot: on moving video it measures motion, not flicker — see the static gate.
 */
export function flickerPairDifference(first: RawImage, second: RawImage): number {
  return meanAbsoluteDifference(first.data, second.data);
}

/** `(255 − MAE) / 255` of one pair, the per-frame series. */
export function flickerPairScore(meanAbsolute: number): number {
  return (255 - meanAbsolute) / 255;
}

/** The VBench video score from per-pair mean absolute differences. */
export function vbenchFlickerScore(pairDifferences: readonly number[]): number {
  return (255 - mean(pairDifferences)) / 255;
}

export interface StaticGateInput {
  /** Mean of the top 2 % flow magnitudes per consecutive pair, at the analysis size. */
  pairTopMagnitudes: readonly number[];
  /** Same statistic for first→last and last→first. */
  firstLastTopMagnitudes: readonly [number, number];
  frameCount: number;
  width: number;
  height: number;
}

export interface StaticGate {
  isStatic: boolean;
  threshold: number;
  movingPairs: number;
  allowedMovingPairs: number;
  /** Always: VBench uses RAFT here; Farneback magnitudes differ, so the gate is approximate. */
  flowEstimator: 'farneback';
}

/**
 * VBench's static filter (static_filter.py), which decides whether the flicker number means
 * anything: a pair moves when its top-2 % flow exceeds `3·min(H,W)/256`; the video is static when
 * at most `round(2·N/16)` pairs move and neither first↔last pair exceeds `threshold·count·2`.
 */
export function staticGate(input: StaticGateInput): StaticGate {
  const threshold = (3 * Math.min(input.width, input.height)) / 256;
  const allowedMovingPairs = Math.round((2 * input.frameCount) / 16);
  const movingPairs = input.pairTopMagnitudes.filter((value) => value > threshold).length;
  const endsStill = input.firstLastTopMagnitudes.every(
    (value) => value <= threshold * allowedMovingPairs * 2,
  );
  return {
    isStatic: movingPairs <= allowedMovingPairs && endsStill,
    threshold,
    movingPairs,
    allowedMovingPairs,
    flowEstimator: 'farneback',
  };
}
