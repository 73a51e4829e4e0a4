import { mean } from './raw-image.js';

/**
 * Drift versus the first frame — APPROXIMATE stand-ins for VBench's subject/background
 * consistency (DINO/CLIP features, not available offline) and EvalCrafter's CLIP-to-frame-0:
 * per frame, SSIM (gray) and colour-histogram Bhattacharyya distance to frame 0, at the analysis
 * size (160 on the long side). Detects slow colour casts, exposure creep and content dissolving
 * over time. Blind spots: content-dependent — any legitimate camera motion or scene change also
 * "drifts" (a clean zoom scored 0.54 histogram distance); identity drift of a subject whose colours
 * stay the same is invisible. Report these series, do not put them in the stability index.
 */
export interface DriftResult {
  approximate: true;
  /** Mean SSIM to frame 0 over the last 10 % of frames (1 = unchanged). */
  endSsim: number;
  /** Mean histogram distance to frame 0 over the last 10 % of frames (0 = unchanged). */
  endHistogramDistance: number;
  /** Largest histogram distance to frame 0 over the clip. */
  maxHistogramDistance: number;
}

function tailMean(values: readonly number[]): number {
  const count = Math.max(1, Math.ceil(values.length * 0.1));
  return mean(values.slice(-count));
}

export function summariseDrift(series: {
  ssimToFirst: readonly number[];
  histogramDistanceToFirst: readonly number[];
}): DriftResult {
  return {
    approximate: true,
    endSsim: tailMean(series.ssimToFirst),
    endHistogramDistance: tailMean(series.histogramDistanceToFirst),
    maxHistogramDistance: Math.max(0, ...series.histogramDistanceToFirst),
  };
}
