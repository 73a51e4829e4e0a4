import type { DatasetJob } from '../db/dataset-lease-repository.js';
import { createJobWorker, type Worker } from '../jobs/job-worker.js';
import type { JobWorkerDependencies } from '../jobs/worker-options.js';
import { datasetExportJob, type DatasetExportJobDeps } from './dataset-export-job.js';
import { datasetQueue } from './dataset-queue.js';

export type DatasetWorkerDependencies = Omit<JobWorkerDependencies<DatasetJob>, 'handle'> &
  Omit<DatasetExportJobDeps, 'database' | 'logger'>;

/**
 * A worker for dataset exports only, beside the video worker: an export of thousands of clips
 * copies (or encodes) for a while, and must never hold up a render's status checks.
 */
export function createDatasetWorker(dependencies: DatasetWorkerDependencies): Worker {
  const { store, ffmpegPath, ffprobePath, workDir, maxAttempts, ...workerDependencies } =
    dependencies;
  const jobDeps: DatasetExportJobDeps = {
    database: dependencies.database,
    logger: dependencies.logger,
    store,
    ffmpegPath,
    ffprobePath,
    workDir,
    maxAttempts,
  };
  return createJobWorker(datasetQueue, {
    ...workerDependencies,
    concurrency: dependencies.concurrency ?? 1,
    handle: (job, context) => datasetExportJob(jobDeps, job, context),
  });
}
