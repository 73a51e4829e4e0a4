import type { VideoRecord } from '../db/video-record.js';
import {
  claimDueVideos,
  extendLeases,
  reapExpiredLeases,
  releaseAll,
  releaseVideo,
  type RenderLimits,
} from '../db/video-lease-repository.js';
import type { JobQueue } from './job-queue.js';
import { createJobWorker, type Worker } from './job-worker.js';
import { videosDueChannel } from '../db/videos-repository.js';
import type { WorkerDependencies } from './worker-options.js';

export { WorkerStoppingError, type Worker } from './job-worker.js';

/** What one worker's video claims are limited to. */
export interface VideoClaimScope {
  /** The models this worker's registry can serve; absent: every model. */
  models?: readonly string[];
  /** Renders each project may have running at once; absent: no cap. */
  renderLimits?: RenderLimits;
}

/** Videos as a job kind: the row is the job; a failed handler leaves a `handler_failed` event. */
export const videoQueueFor = (scope: VideoClaimScope = {}): JobQueue<VideoRecord> => ({
  kind: 'video',
  channel: videosDueChannel,
  claim: (database, options) => claimDueVideos(database, { ...options, ...scope }),
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

export function createWorker(dependencies: WorkerDependencies & VideoClaimScope): Worker {
  const { models, renderLimits, ...rest } = dependencies;
  const scope = {
    ...(models != null ? { models } : {}),
    ...(renderLimits != null ? { renderLimits } : {}),
  };
  return createJobWorker(videoQueueFor(scope), rest);
}
