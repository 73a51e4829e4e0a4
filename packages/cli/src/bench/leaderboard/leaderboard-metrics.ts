import type { ScoreResult } from '@vgw/gateway';

export interface LeaderboardMetric {
  key: string;
  label: string;
  better: 'higher' | 'lower';
  /** Null where the clip was too short for the metric: that run is left out of its mean. */
  read(score: ScoreResult): number | null;
}

/** The per-run figures the leaderboard averages, each with a bootstrap interval. */
export const leaderboardMetrics: readonly LeaderboardMetric[] = [
  {
    key: 'vbenchFlicker',
    label: 'VBench flicker',
    better: 'higher',
    read: (score) => score.metrics.vbenchFlicker.value,
  },
  {
    key: 'warpingError',
    label: 'warping error',
    better: 'lower',
    read: (score) => score.metrics.warpingError,
  },
  {
    key: 'motionSmoothness',
    label: 'motion smoothness',
    better: 'higher',
    read: (score) => score.metrics.motionSmoothness,
  },
  {
    key: 'cameraJitter',
    label: 'camera jitter (px)',
    better: 'lower',
    read: (score) => score.metrics.cameraJitter,
  },
  {
    key: 'lumaFlicker',
    label: 'luma flicker',
    better: 'lower',
    read: (score) => score.metrics.lumaFlicker,
  },
  {
    key: 'consecutiveSsim',
    label: 'consecutive SSIM',
    better: 'higher',
    read: (score) => score.metrics.consecutiveSsim,
  },
  {
    key: 'frozenFraction',
    label: 'frozen fraction',
    better: 'lower',
    read: (score) => score.metrics.freeze.frozenFraction,
  },
  {
    key: 'driftEndSsim',
    label: 'drift, end SSIM (approx.)',
    better: 'higher',
    read: (score) => score.metrics.drift.endSsim,
  },
];
