import type { Database } from '../db/queryable.js';
import { extendLeases } from '../db/video-lease-repository.js';
import type { JobQueue } from './job-queue.js';
import type { TimerHandle, WorkerTimers } from './timers.js';
import type { WorkerLogger } from './worker-options.js';

export interface HeartbeatOptions {
  database: Database;
  /** Whose leases to extend; the videos table when left out. */
  extend?: JobQueue<{ id: string }>['extend'];
  workerId: string;
  leaseSeconds: number;
  timers: WorkerTimers;
  logger: WorkerLogger;
  /** The videos this worker is handling now, each with the controller that aborts its handler. */
  held: ReadonlyMap<string, AbortController>;
}

/** Signals a handler that another worker may now own its video, so it must stop writing. */
export class LeaseLostError extends Error {
  constructor(readonly videoId: string) {
    super(`lease on ${videoId} was lost`);
    this.name = 'LeaseLostError';
  }
}

/**
 * Keeps the leases of in-flight videos alive while their handlers run (every third of a lease,
 * so two beats can fail before the lease runs out), and aborts a handler whose lease is gone.
 */
export class Heartbeat {
  private interval: TimerHandle | null = null;
  private beating = false;

  constructor(private readonly options: HeartbeatOptions) {}

  /** Starts beating if something is held and no beat is scheduled yet. */
  ensureRunning(): void {
    if (this.interval != null || this.options.held.size === 0) return;
    const intervalMs = (this.options.leaseSeconds * 1000) / 3;
    this.interval = this.options.timers.setInterval(() => void this.beat(), intervalMs);
  }

  /** Stops beating once nothing is held, so an idle worker makes no queries. */
  stopIfIdle(): void {
    if (this.options.held.size === 0) this.stop();
  }

  stop(): void {
    if (this.interval == null) return;
    this.options.timers.clearInterval(this.interval);
    this.interval = null;
  }

  async beat(): Promise<void> {
    // A slow database must not pile up overlapping extensions.
    if (this.beating) return;
    this.beating = true;
    const { database, workerId, leaseSeconds, held, logger } = this.options;
    const ids = [...held.keys()];
    try {
      const extend = this.options.extend ?? extendLeases;
      const kept = new Set(await extend(database, { workerId, ids, leaseSeconds }));
      for (const id of ids) {
        const controller = held.get(id);
        if (kept.has(id) || controller == null || controller.signal.aborted) continue;
        logger.warn({ videoId: id, workerId }, 'lease lost; aborting its handler');
        controller.abort(new LeaseLostError(id));
      }
    } catch (error) {
      // The lease may still be valid; the next beat retries before it runs out.
      logger.warn({ error, workerId }, 'could not extend leases');
    } finally {
      this.beating = false;
    }
  }
}
