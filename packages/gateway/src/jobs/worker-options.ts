import type { Database } from '../db/queryable.js';
import type { VideoRecord } from '../db/video-record.js';
import { systemTimers, type WorkerTimers } from './timers.js';

/** pino-compatible: structured fields first, then the message. */
export interface WorkerLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface HandlerContext {
  workerId: string;
  /** Aborted when this worker lost the lease or is shutting down: stop writing and return. */
  signal: AbortSignal;
}

/**
 * Works one claimed job. It ends with a fenced write of its outcome; if it throws, the worker
 * releases the job with backoff instead.
 */
export type JobHandler<Item> = (job: Item, context: HandlerContext) => Promise<void>;

/**
 * Advances one claimed video. It ends with a terminal transition or a fenced release; if it
 * throws, the worker releases the video with backoff instead.
 */
export type VideoHandler = JobHandler<VideoRecord>;

export interface JobWorkerDependencies<Item> {
  database: Database;
  workerId: string;
  handle: JobHandler<Item>;
  logger: WorkerLogger;
  leaseSeconds?: number;
  concurrency?: number;
  pollIntervalMs?: number;
  /** Defaults to one lease length. */
  reapIntervalMs?: number;
  /** Cap of the retry delay after a handler throws (1, 2, 4, … seconds). */
  maxRetryDelaySeconds?: number;
  timers?: WorkerTimers;
}

export type WorkerDependencies = JobWorkerDependencies<VideoRecord>;

export type JobWorkerSettings<Item> = Required<JobWorkerDependencies<Item>>;
export type WorkerSettings = JobWorkerSettings<VideoRecord>;

export function resolveWorkerSettings<Item>(
  dependencies: JobWorkerDependencies<Item>,
): JobWorkerSettings<Item> {
  const leaseSeconds = dependencies.leaseSeconds ?? 30;
  if (!(leaseSeconds > 0)) throw new RangeError('leaseSeconds must be positive');
  const concurrency = dependencies.concurrency ?? 4;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError('concurrency must be a positive integer');
  }
  return {
    database: dependencies.database,
    workerId: dependencies.workerId,
    handle: dependencies.handle,
    logger: dependencies.logger,
    leaseSeconds,
    concurrency,
    pollIntervalMs: dependencies.pollIntervalMs ?? 1000,
    reapIntervalMs: dependencies.reapIntervalMs ?? leaseSeconds * 1000,
    maxRetryDelaySeconds: dependencies.maxRetryDelaySeconds ?? 60,
    timers: dependencies.timers ?? systemTimers,
  };
}
