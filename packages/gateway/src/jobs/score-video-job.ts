import type { Database } from '../db/queryable.js';
import type { ScoreJob } from '../db/score-lease-repository.js';
import { findVideoFile } from '../db/video-files-repository.js';
import {
  recordScoreCompleted,
  recordScoreFailed,
  recordScoreRetry,
} from '../db/video-scores-repository.js';
import { VideoQualityError } from '../quality/quality-error.js';
import { scoreResultSchema, type ScoreResult } from '../quality/score-result.js';
import type { ContentStore } from '../storage/content-store.js';
import { retryDelaySeconds } from './backoff.js';
import { systemTimers, type TimerHandle, type WorkerTimers } from './timers.js';
import type { HandlerContext, WorkerLogger } from './worker-options.js';

/** Scores one MP4 on disk (scoreVideo with the configured ffmpeg, or a fake in tests). */
export type ScoreFile = (file: string) => Promise<ScoreResult>;

export interface ScoreVideoJobDeps {
  database: Database;
  store: ContentStore;
  scoreFile: ScoreFile;
  /** Past this the attempt counts as failed even if the scorer never returns. */
  timeoutSeconds: number;
  maxAttempts: number;
  logger: WorkerLogger;
  timers?: WorkerTimers;
}

class ScoringTimeoutError extends Error {
  override name = 'ScoringTimeoutError';
}

/**
 * Broken input stays broken: a corrupt or too-short file fails at once. A decode timeout may be
 * load on a shared machine, so it is retried like any other error.
 */
function isPermanent(error: unknown): error is VideoQualityError {
  return error instanceof VideoQualityError && error.code !== 'decode_timeout';
}

function errorCode(error: unknown): string {
  if (error instanceof VideoQualityError) return error.code;
  if (error instanceof ScoringTimeoutError) return 'scoring_timeout';
  return 'scoring_failed';
}

async function withTimeout<T>(work: Promise<T>, seconds: number, timers: WorkerTimers) {
  let timer: TimerHandle = null;
  const expired = new Promise<never>((_, reject) => {
    timer = timers.setTimeout(
      () => reject(new ScoringTimeoutError(`scoring took longer than ${seconds} s`)),
      seconds * 1000,
    );
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    timers.clearTimeout(timer);
  }
}

async function scoreStoredVideo(deps: ScoreVideoJobDeps, videoId: string): Promise<ScoreResult> {
  const file = await findVideoFile(deps.database, videoId, 'video');
  if (file == null) {
    throw new VideoQualityError('missing_file', `video ${videoId} has no stored video file`);
  }
  const scored = deps.scoreFile(deps.store.pathOf(file.sha256));
  const result = await withTimeout(scored, deps.timeoutSeconds, deps.timers ?? systemTimers);
  return scoreResultSchema.parse(result);
}

async function recordFailure(
  deps: ScoreVideoJobDeps,
  job: ScoreJob,
  workerId: string,
  error: unknown,
): Promise<boolean> {
  const fence = { videoId: job.id, workerId };
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (isPermanent(error) || job.attempts >= deps.maxAttempts) {
    deps.logger.warn({ videoId: job.id, workerId, code, message }, 'scoring failed for good');
    return recordScoreFailed(deps.database, { ...fence, code, message });
  }
  const delaySeconds = retryDelaySeconds(job.attempts - 1, { baseSeconds: 5, maxSeconds: 300 });
  deps.logger.warn({ videoId: job.id, workerId, code, delaySeconds }, 'scoring failed; retrying');
  return recordScoreRetry(deps.database, { ...fence, code, message, delaySeconds });
}

/** The score job's handler: score the stored MP4, then one fenced write of the outcome. */
export async function scoreVideoJob(
  deps: ScoreVideoJobDeps,
  job: ScoreJob,
  context: HandlerContext,
): Promise<void> {
  const { workerId } = context;
  let recorded: boolean;
  try {
    const result = await scoreStoredVideo(deps, job.id);
    recorded = await recordScoreCompleted(deps.database, { videoId: job.id, workerId, result });
  } catch (error) {
    // Another worker owns the job now, or shutdown hands it back: write nothing.
    if (context.signal.aborted) return;
    recorded = await recordFailure(deps, job, workerId, error);
  }
  if (!recorded) {
    deps.logger.warn({ videoId: job.id, workerId }, 'score lease lost; outcome not stored');
  }
}
