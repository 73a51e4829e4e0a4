import {
  claimDueDatasets,
  extendDatasetLeases,
  reapExpiredDatasetLeases,
  releaseAllDatasets,
  releaseDataset,
  type DatasetJob,
} from '../db/dataset-lease-repository.js';
import { datasetsDueChannel } from '../db/dataset-exports-repository.js';
import type { JobQueue } from '../jobs/job-queue.js';

/** Dataset exports as a job kind: `dataset_exports` rows, leased like scores. */
export const datasetQueue: JobQueue<DatasetJob> = {
  kind: 'dataset',
  channel: datasetsDueChannel,
  claim: claimDueDatasets,
  extend: extendDatasetLeases,
  release: (client, { job, workerId, delaySeconds, failureMessage }) =>
    releaseDataset(client, { id: job.id, workerId, delaySeconds, failureMessage }),
  releaseAll: releaseAllDatasets,
  reap: (client) => reapExpiredDatasetLeases(client),
  // The claim already counted this attempt.
  previousFailures: (job) => Math.max(0, job.attempts - 1),
};
