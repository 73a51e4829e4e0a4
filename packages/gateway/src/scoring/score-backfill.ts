import type { Worker } from '../jobs/job-worker.js';
import type { WorkerLogger } from '../jobs/worker-options.js';

/**
 * A score worker that first queues scores for completed videos that have none (completed while
 * scoring was off, or before scoring existed), so turning scoring on covers the back catalogue.
 * Concurrent starts are safe: the insert skips videos another worker already queued.
 */
export function withScoreBackfill(
  worker: Worker,
  backfill: () => Promise<number>,
  logger: WorkerLogger,
): Worker {
  return {
    get workerId() {
      return worker.workerId;
    },
    get inFlight() {
      return worker.inFlight;
    },
    runOnce: () => worker.runOnce(),
    async start() {
      const queued = await backfill();
      if (queued > 0) logger.info({ queued }, 'queued scores for completed videos without one');
      await worker.start();
    },
    stop: (options) => worker.stop(options),
  };
}
