import type { ScoreResult } from '../../score-result.js';
import type { BenchRun } from '../bench-run.js';

export interface FakeScore {
  index: number;
  warpingError?: number;
  motionSmoothness?: number | null;
  dynamic?: boolean;
  movingPairFraction?: number;
}

/** A schema-valid ScoreResult whose figures are the ones a test names. */
export function fakeScore(figures: FakeScore): ScoreResult {
  const farneback = 'farneback' as const;
  return {
    version: 1,
    metrics: {
      vbenchFlicker: {
        value: 0.98,
        staticGate: {
          isStatic: false,
          threshold: 1,
          movingPairs: 3,
          allowedMovingPairs: 1,
          flowEstimator: farneback,
        },
      },
      warpingError: figures.warpingError ?? 0.001,
      motionSmoothness: figures.motionSmoothness === undefined ? 0.99 : figures.motionSmoothness,
      cameraJitter: 0.1,
      lumaFlicker: 0.2,
      consecutiveSsim: 0.95,
      freeze: { runs: [], frozenFraction: 0, longestRun: 0 },
      sceneCuts: [],
      drift: {
        approximate: true,
        endSsim: 0.8,
        endHistogramDistance: 0.1,
        maxHistogramDistance: 0.2,
      },
    },
    dynamicDegree: {
      dynamic: figures.dynamic ?? true,
      movingPairFraction: figures.movingPairFraction ?? 0.5,
      meanTopMotion: 4,
      threshold: 2.8,
      requiredMovingPairs: 2,
      frameStep: 3,
      flowEstimator: farneback,
    },
    index: {
      value: figures.index,
      components: {
        warpingError: 0.9,
        lumaFlicker: 0.9,
        cameraJitter: 0.9,
        motionSmoothness: 0.9,
        freeze: 1,
      },
      weights: {
        warpingError: 0.35,
        lumaFlicker: 0.15,
        cameraJitter: 0.2,
        motionSmoothness: 0.2,
        freeze: 0.1,
      },
    },
    perFrame: {
      flicker: [0.99, 0.98, 0.985],
      warpingError: [],
      meanLuma: [],
      lumaFlicker: [],
      cameraJitter: [],
      consecutiveSsim: [],
      ssimToFirst: [],
      histogramDistanceToFirst: [],
      motionSmoothness: [],
      dynamicTopMotion: [],
    },
    analysis: {
      sizes: { native: { width: 64, height: 64 }, flow: { width: 64, height: 64 } },
      frames: 4,
      fps: 24,
      durationSeconds: 1,
      elapsedSeconds: 0.1,
      flowEstimator: farneback,
    },
  };
}

export interface FakeRun {
  model: string;
  promptId?: string;
  shot?: string;
  repeat?: number;
  /** A stability index for a completed run; null for a failed render. */
  index: number | null;
  score?: Partial<FakeScore>;
  renderSeconds?: number;
  costMicroUsd?: number;
}

export function fakeRun(run: FakeRun): BenchRun {
  const completed = run.index != null;
  return {
    promptId: run.promptId ?? 'p1',
    shot: run.shot ?? 'static',
    model: run.model,
    repeat: run.repeat ?? 0,
    videoId: completed ? `video_${run.model}_${run.promptId ?? 'p1'}` : null,
    status: completed ? 'completed' : 'failed',
    failure: completed ? null : { stage: 'render', code: 'internal_error', message: 'boom' },
    renderSeconds: completed ? (run.renderSeconds ?? 10) : null,
    videoSeconds: completed ? 2 : null,
    size: '64x64',
    cost: completed ? { microUsd: run.costMicroUsd ?? 0, source: 'engine_price' } : null,
    files: completed ? { video: 'videos/x.mp4', thumbnail: null } : null,
    score: run.index != null ? fakeScore({ index: run.index, ...run.score }) : null,
  };
}
