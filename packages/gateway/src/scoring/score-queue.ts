import {
  claimDueScores,
  extendScoreLeases,
  reapExpiredScoreLeases,
  releaseAllScores,
  releaseScore,
  type ScoreJob,
} from '../db/score-lease-repository.js';
import { scoresDueChannel } from '../db/video-scores-repository.js';
import type { JobQueue } from '../jobs/job-queue.js';

/** Scores as a job kind: `video_scores` rows, leased apart from the videos they belong to. */
export const scoreQueue: JobQueue<ScoreJob> = {
  kind: 'score',
  channel: scoresDueChannel,
  claim: claimDueScores,
  extend: extendScoreLeases,
  release: (client, { job, workerId, delaySeconds, failureMessage }) =>
    releaseScore(client, { id: job.id, workerId, delaySeconds, failureMessage }),
  releaseAll: releaseAllScores,
  reap: (client) => reapExpiredScoreLeases(client),
  // The claim already counted this attempt.
  previousFailures: (job) => Math.max(0, job.attempts - 1),
};
