import type { ScoreJob } from '../db/score-lease-repository.js';
import { createJobWorker, type Worker } from '../jobs/job-worker.js';
import type { JobWorkerDependencies } from '../jobs/worker-options.js';
import { scoreQueue } from './score-queue.js';
import { scoreVideoJob, type ScoreVideoJobDeps } from './score-video-job.js';

export type ScoreWorkerDependencies = Omit<JobWorkerDependencies<ScoreJob>, 'handle'> &
  Pick<ScoreVideoJobDeps, 'store' | 'scoreFile' | 'timeoutSeconds' | 'maxAttempts'>;

/**
 * A worker for score jobs only: its own loop, concurrency and leases, so a long scoring never
 * holds up the status checks of the video worker beside it.
 */
export function createScoreWorker(dependencies: ScoreWorkerDependencies): Worker {
  const { store, scoreFile, timeoutSeconds, maxAttempts, ...workerDependencies } = dependencies;
  const jobDeps: ScoreVideoJobDeps = {
    database: dependencies.database,
    logger: dependencies.logger,
    store,
    scoreFile,
    timeoutSeconds,
    maxAttempts,
    ...(dependencies.timers != null ? { timers: dependencies.timers } : {}),
  };
  return createJobWorker(scoreQueue, {
    ...workerDependencies,
    // opencv-js flow is single-threaded CPU work: one score per process unless configured.
    concurrency: dependencies.concurrency ?? 1,
    handle: (job, context) => scoreVideoJob(jobDeps, job, context),
  });
}
