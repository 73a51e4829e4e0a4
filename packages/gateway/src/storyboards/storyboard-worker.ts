import {
  claimDueStoryboards,
  extendStoryboardLeases,
  reapExpiredStoryboardLeases,
  releaseAllStoryboards,
  releaseStoryboard,
  type StoryboardJob,
} from '../db/storyboard-lease-repository.js';
import { storyboardsDueChannel } from '../db/storyboards-repository.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { createJobWorker, type Worker } from '../jobs/job-worker.js';
import type { JobWorkerDependencies } from '../jobs/worker-options.js';
import { advanceStoryboard } from './advance-storyboard.js';
import type { StoryboardWorkerDeps } from './storyboard-deps.js';

/** Storyboards as a job kind: `storyboards` rows, leased apart from the videos they make. */
export const storyboardQueue: JobQueue<StoryboardJob> = {
  kind: 'storyboard',
  channel: storyboardsDueChannel,
  claim: claimDueStoryboards,
  extend: extendStoryboardLeases,
  release: (client, { job, workerId, delaySeconds, failureMessage }) =>
    releaseStoryboard(client, { id: job.id, workerId, delaySeconds, failureMessage }),
  releaseAll: releaseAllStoryboards,
  reap: (client) => reapExpiredStoryboardLeases(client),
  previousFailures: (job) => job.attempts,
};

export type StoryboardWorkerDependencies = Omit<
  JobWorkerDependencies<StoryboardJob>,
  'handle' | 'database' | 'logger'
> & { deps: StoryboardWorkerDeps };

/**
 * A worker for storyboards only: a pass is short (create the shots that may start, look at the
 * rest) except the stitch, which its lease's heartbeat covers. The shots render on the video
 * workers like any other video.
 */
export function createStoryboardWorker(dependencies: StoryboardWorkerDependencies): Worker {
  const { deps, ...workerDependencies } = dependencies;
  return createJobWorker(storyboardQueue, {
    ...workerDependencies,
    database: deps.database,
    logger: deps.logger,
    // Stitching is ffmpeg-bound; two at once keep a core for the renders beside them.
    concurrency: dependencies.concurrency ?? 2,
    handle: (job, context) => advanceStoryboard(deps, job, context),
  });
}
