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
import { retryDelaySeconds } from '../jobs/backoff.js';
import { systemTimers, type TimerHandle, type WorkerTimers } from '../jobs/timers.js';
import type { HandlerContext, WorkerLogger } from '../jobs/worker-options.js';

/**
 * Scores one MP4 on disk (scoreVideo in a thread of its own, or a fake in tests); stops when
 * `signal` aborts. What it returns is checked against scoreResultSchema before it is stored.
 */
export type ScoreFile = (file: string, signal: AbortSignal) => Promise<unknown>;

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

/** Runs the scorer until it finishes, the job's signal aborts, or the timeout stops it. */
async function scoreWithin(deps: ScoreVideoJobDeps, path: string, signal: AbortSignal) {
  const timers = deps.timers ?? systemTimers;
  const controller = new AbortController();
  const stop = () => controller.abort();
  signal.addEventListener('abort', stop, { once: true });
  let timer: TimerHandle = null;
  const expired = new Promise<never>((_, reject) => {
    timer = timers.setTimeout(() => {
      // Rejected before the abort, so the race reports the timeout, not the scorer's abort.
      reject(new ScoringTimeoutError(`scoring took longer than ${deps.timeoutSeconds} s`));
      controller.abort();
    }, deps.timeoutSeconds * 1000);
  });
  try {
    return await Promise.race([deps.scoreFile(path, controller.signal), expired]);
  } finally {
    timers.clearTimeout(timer);
    signal.removeEventListener('abort', stop);
  }
}

async function scoreStoredVideo(
  deps: ScoreVideoJobDeps,
  videoId: string,
  signal: AbortSignal,
): Promise<ScoreResult> {
  const file = await findVideoFile(deps.database, videoId, 'video');
  if (file == null) {
    throw new VideoQualityError('missing_file', `video ${videoId} has no stored video file`);
  }
  return scoreResultSchema.parse(await scoreWithin(deps, deps.store.pathOf(file.sha256), signal));
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
    const result = await scoreStoredVideo(deps, job.id, context.signal);
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
