import type { FlowField } from './optical-flow.js';
import { flowMagnitudes } from './optical-flow.js';
import { mean, topFractionMean } from './raw-image.js';

/**
 * Dynamic degree, VBench's recipe (dynamic_degree.py) with Farneback instead of RAFT: frames are
 * subsampled to ≈8 fps (step `round(fps/8)`); per pair the mean of the largest 5 % flow magnitudes;
 * a pair moves when that exceeds `factor·min(H,W)/256` px; the video is dynamic when at least
 * `round(4·N/16)` pairs move (N = subsampled frames). Analysis size: 160 on the long side. The
 * flow of a subsampled pair is chained from the consecutive flows (one `remap` per step instead
 * of a Farneback call); on noise it reads higher than a direct flow (noise fixture 5.1 vs 2.9).
 * It must accompany every stability number: a frozen video is "perfectly stable".
 * Threshold factor: VBench's 6 (for RAFT) is kept — on our fixtures Farneback gives ≈0 for a
 * frozen clip and well above the threshold for shake and a moving test pattern (see the test).
 * Blind spots: slow motion (a gentle zoom) can stay under the threshold; flicker alone is not
 * motion but may raise Farneback's top-5 % a little.
 */
export const dynamicDegreeThresholdFactor = 6;

export function dynamicDegreeStep(fps: number): number {
  return Math.max(1, Math.round(fps / 8));
}

/** Mean of the top 5 % flow magnitudes of one subsampled pair. */
export function topMotion(flow: FlowField): number {
  return topFractionMean(flowMagnitudes(flow), 0.05);
}

export interface DynamicDegree {
  /** VBench's per-video verdict. */
  dynamic: boolean;
  /** Fraction of subsampled pairs that move, 0–1: a graded companion to the verdict. */
  movingPairFraction: number;
  meanTopMotion: number;
  threshold: number;
  requiredMovingPairs: number;
  frameStep: number;
  flowEstimator: 'farneback';
}

export function dynamicDegree(input: {
  pairTopMotions: readonly number[];
  width: number;
  height: number;
  frameStep: number;
}): DynamicDegree {
  const threshold = (dynamicDegreeThresholdFactor * Math.min(input.width, input.height)) / 256;
  const sampledFrames = input.pairTopMotions.length + 1;
  const requiredMovingPairs = Math.round((4 * sampledFrames) / 16);
  const moving = input.pairTopMotions.filter((value) => value > threshold).length;
  return {
    dynamic: input.pairTopMotions.length > 0 && moving >= requiredMovingPairs,
    movingPairFraction:
      input.pairTopMotions.length === 0 ? 0 : moving / input.pairTopMotions.length,
    meanTopMotion: mean(input.pairTopMotions),
    threshold,
    requiredMovingPairs,
    frameStep: input.frameStep,
    flowEstimator: 'farneback',
  };
}
