import type { Worker } from './job-worker.js';

/**
 * Several job kinds run side by side as one Worker (videos, plus scores when enabled), so the
 * serve and worker commands start and stop them together while each keeps its own loop.
 */
export function workerGroup(primary: Worker, others: Worker[]): Worker {
  const all = [primary, ...others];
  return {
    get workerId() {
      return primary.workerId;
    },
    get inFlight() {
      return all.reduce((total, worker) => total + worker.inFlight, 0);
    },
    async runOnce() {
      const handled = await Promise.all(all.map((worker) => worker.runOnce()));
      return handled.reduce((total, count) => total + count, 0);
    },
    async start() {
      await Promise.all(all.map((worker) => worker.start()));
    },
    async stop(options) {
      await Promise.all(all.map((worker) => worker.stop(options)));
    },
  };
}
