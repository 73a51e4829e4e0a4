import type { ScoreResult } from '@vgw/gateway';
import type { BenchRun } from '../bench/leaderboard/bench-run.js';
import { scoreResultFixture } from '@vgw/gateway/test-support';

export interface FakeScore {
  index: number;
  warpingError?: number;
  motionSmoothness?: number | null;
  dynamic?: boolean;
  movingPairFraction?: number;
}

/** A schema-valid ScoreResult whose figures are the ones a test names. */
export function fakeScore(figures: FakeScore): ScoreResult {
  const base = scoreResultFixture(figures.index);
  return {
    ...base,
    metrics: {
      ...base.metrics,
      warpingError: figures.warpingError ?? 0.001,
      motionSmoothness: figures.motionSmoothness === undefined ? 0.99 : figures.motionSmoothness,
    },
    dynamicDegree: {
      ...base.dynamicDegree,
      dynamic: figures.dynamic ?? true,
      movingPairFraction: figures.movingPairFraction ?? 0.5,
    },
    perFrame: { ...base.perFrame, flicker: [0.99, 0.98, 0.985] },
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
