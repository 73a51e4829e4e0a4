import type { Database, Queryable } from '../db/queryable.js';

/** A unit of leased work: a video to advance, a video to score. */
export interface Job {
  id: string;
}

/**
 * The table-specific half of a job kind; the worker loop, heartbeat, reaper and shutdown are
 * shared (job-worker.ts). Every write is fenced on the worker id, every time from `now()`.
 */
export interface JobQueue<Item extends Job> {
  /** Names the kind in logs ("video", "score"). */
  readonly kind: string;
  /** NOTIFY channel that wakes idle workers of this kind. */
  readonly channel: string;
  /** Given the database, not a client: a claim may need a transaction of its own. */
  claim(
    database: Database,
    options: { workerId: string; leaseSeconds: number; limit: number },
  ): Promise<Item[]>;
  /** Extends the leases still held; returns their ids. */
  extend(
    client: Queryable,
    options: { workerId: string; ids: string[]; leaseSeconds: number },
  ): Promise<string[]>;
  /**
   * Gives one job back, due after `delaySeconds`. `failureMessage` is null when the job is only
   * handed back unworked (claimed as shutdown began). False when the lease was already lost.
   */
  release(
    client: Queryable,
    options: { job: Item; workerId: string; delaySeconds: number; failureMessage: string | null },
  ): Promise<boolean>;
  /** Graceful shutdown: every lease this worker holds, due again at once. */
  releaseAll(client: Queryable, options: { workerId: string }): Promise<number>;
  /** Clears leases that ran out (crashed workers); returns the count. */
  reap(client: Queryable, actor: string): Promise<number>;
  /** Failures the job already carries, so the handler-failure backoff continues from them. */
  previousFailures(job: Item): number;
}
