import type { VideoRecord } from '../db/video-record.js';
import {
  claimDueVideos,
  extendLeases,
  reapExpiredLeases,
  releaseAll,
  releaseVideo,
} from '../db/video-lease-repository.js';
import type { JobQueue } from './job-queue.js';
import { createJobWorker, type Worker } from './job-worker.js';
import { videosDueChannel } from '../db/videos-repository.js';
import type { WorkerDependencies } from './worker-options.js';

export { WorkerStoppingError, type Worker } from './job-worker.js';

/**
 * Videos as a job kind: the row is the job; a failed handler leaves a `handler_failed` event.
 * `models` limits the claim to what this worker's registry can serve (absent: everything).
 */
export const videoQueueFor = (models?: readonly string[]): JobQueue<VideoRecord> => ({
  kind: 'video',
  channel: videosDueChannel,
  claim: (client, options) =>
    claimDueVideos(client, models != null ? { ...options, models } : options),
  extend: extendLeases,
  release: (client, { job, workerId, delaySeconds, failureMessage }) =>
    releaseVideo(client, {
      id: job.id,
      workerId,
      delaySeconds,
      ...(failureMessage != null
        ? { event: { type: 'handler_failed', detail: { message: failureMessage, delaySeconds } } }
        : {}),
    }),
  releaseAll,
  reap: reapExpiredLeases,
  // Status checks made so far continue the backoff where the video's history left it.
  previousFailures: (video) => video.statusChecks,
});

export const videoQueue = videoQueueFor();

export function createWorker(
  dependencies: WorkerDependencies & { models?: readonly string[] },
): Worker {
  const { models, ...rest } = dependencies;
  return createJobWorker(videoQueueFor(models), rest);
}
