/**
 * Freeze detection: runs of (near-)identical consecutive frames, from the native-resolution gray
 * mean absolute differences already computed for flicker. A pair is identical when its MAE is
 * below `identicalThreshold` (0–255; encoder noise on a repeated frame is ≪ 0.1, the slowest real
 * motion in our fixtures ≥ 1). A freeze is a run of at least `minimumFrames` identical frames
 * (default 3, so a single duplicate from frame-rate conversion is not a freeze).
 * Blind spots: a static shot (a still camera on a still scene) is indistinguishable from a freeze
 * — read it together with dynamic degree; a frozen frame with added grain is not caught.
 */
export interface FreezeRun {
  /** First frame of the run. */
  start: number;
  frames: number;
}

export interface FreezeResult {
  runs: FreezeRun[];
  /** Frames inside freeze runs ÷ all frames, 0–1. */
  frozenFraction: number;
  longestRun: number;
}

export function detectFreezes(
  pairDifferences: readonly number[],
  options: { identicalThreshold?: number; minimumFrames?: number } = {},
): FreezeResult {
  const threshold = options.identicalThreshold ?? 0.1;
  const minimumFrames = options.minimumFrames ?? 3;
  const runs: FreezeRun[] = [];
  let runStart = -1;
  const close = (endPair: number): void => {
    const frames = endPair - runStart + 1;
    if (runStart >= 0 && frames >= minimumFrames) runs.push({ start: runStart, frames });
    runStart = -1;
  };
  pairDifferences.forEach((difference, pair) => {
    if (difference < threshold) {
      if (runStart < 0) runStart = pair;
    } else if (runStart >= 0) {
      close(pair);
    }
  });
  if (runStart >= 0) close(pairDifferences.length);
  const frameCount = pairDifferences.length + 1;
  const frozen = runs.reduce((total, run) => total + run.frames, 0);
  return {
    runs,
    frozenFraction: frozen / frameCount,
    longestRun: runs.reduce((longest, run) => Math.max(longest, run.frames), 0),
  };
}
