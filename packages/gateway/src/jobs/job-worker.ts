import { retryDelaySeconds } from './backoff.js';
import { Heartbeat } from './heartbeat.js';
import type { Job, JobQueue } from './job-queue.js';
import type { TimerHandle } from './timers.js';
import { WakeSignal } from './wake-signal.js';
import {
  resolveWorkerSettings,
  type JobWorkerDependencies,
  type JobWorkerSettings,
} from './worker-options.js';

export interface Worker {
  readonly workerId: string;
  /** Handlers running now. */
  readonly inFlight: number;
  /** Claims up to the free concurrency, runs those handlers, and resolves when all finished. */
  runOnce(): Promise<number>;
  /** Starts the loop; resolves once it listens for new jobs and has made its first pass. */
  start(): Promise<void>;
  /** Graceful shutdown; idempotent. In-flight handlers get `graceMs`, then are aborted. */
  stop(options?: { graceMs?: number }): Promise<void>;
}

/** Aborts handlers still running when the shutdown grace period is over. */
export class WorkerStoppingError extends Error {
  constructor() {
    super('worker is shutting down');
    this.name = 'WorkerStoppingError';
  }
}

type WorkerState = 'idle' | 'running' | 'stopping' | 'stopped';

// Failure counts only feed the backoff; the bound keeps a flood of poisoned rows from growing it.
const rememberedFailures = 10_000;
const defaultGraceMs = 10_000;

/**
 * A worker for one job kind: claims due jobs up to its concurrency, keeps their leases alive,
 * reaps expired ones, backs off failed handlers, and drains gracefully.
 */
export function createJobWorker<Item extends Job>(
  queue: JobQueue<Item>,
  dependencies: JobWorkerDependencies<Item>,
): Worker {
  return new JobWorker(queue, resolveWorkerSettings(dependencies));
}

class JobWorker<Item extends Job> implements Worker {
  private readonly held = new Map<string, AbortController>();
  private readonly running = new Set<Promise<void>>();
  private readonly failures = new Map<string, number>();
  private readonly wake: WakeSignal;
  private readonly heartbeat: Heartbeat;
  private state: WorkerState = 'idle';
  private claiming = 0;
  private loop: Promise<void> | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private reaper: TimerHandle | null = null;
  private reaping = false;
  private stopped: Promise<void> | null = null;

  constructor(
    private readonly queue: JobQueue<Item>,
    private readonly settings: JobWorkerSettings<Item>,
  ) {
    this.wake = new WakeSignal(settings.timers);
    this.heartbeat = new Heartbeat({ ...settings, extend: queue.extend, held: this.held });
  }

  get workerId(): string {
    return this.settings.workerId;
  }

  get inFlight(): number {
    return this.held.size;
  }

  async runOnce(): Promise<number> {
    const runs = await this.dispatch();
    await Promise.all(runs);
    return runs.length;
  }

  async start(): Promise<void> {
    if (this.state !== 'idle') return;
    this.state = 'running';
    await this.subscribe();
    if (this.state !== 'running') {
      // stop() came while subscribing, after shutdown already looked for a subscription.
      await this.unsubscribe();
      return;
    }
    this.reaper = this.settings.timers.setInterval(
      () => void this.reap(),
      this.settings.reapIntervalMs,
    );
    await new Promise<void>((firstPassDone) => {
      this.loop = this.runLoop(firstPassDone);
    });
  }

  stop(options: { graceMs?: number } = {}): Promise<void> {
    this.stopped ??= this.shutdown(options.graceMs ?? defaultGraceMs);
    return this.stopped;
  }

  private get accepting(): boolean {
    return this.state === 'idle' || this.state === 'running';
  }

  /** Claims what fits and starts those handlers; resolves to their completions. */
  private async dispatch(): Promise<Promise<void>[]> {
    const limit = this.settings.concurrency - this.held.size - this.claiming;
    if (!this.accepting || limit <= 0) return [];
    // Reserved before the await, so overlapping calls never claim beyond the concurrency.
    this.claiming += limit;
    let jobs: Item[];
    try {
      const { database, workerId, leaseSeconds } = this.settings;
      jobs = await this.queue.claim(database, { workerId, leaseSeconds, limit });
    } finally {
      this.claiming -= limit;
    }
    if (!this.accepting) {
      await this.handBack(jobs);
      return [];
    }
    return jobs.map((job) => this.run(job));
  }

  private run(job: Item): Promise<void> {
    const controller = new AbortController();
    this.held.set(job.id, controller);
    this.heartbeat.ensureRunning();
    const run = this.handleSafely(job, controller).finally(() => {
      // The same worker may have re-claimed the job after losing it; keep the newer entry.
      if (this.held.get(job.id) === controller) this.held.delete(job.id);
      this.running.delete(run);
      this.heartbeat.stopIfIdle();
      this.wake.signal();
    });
    this.running.add(run);
    return run;
  }

  private async handleSafely(job: Item, controller: AbortController): Promise<void> {
    const { handle, workerId } = this.settings;
    try {
      await handle(job, { workerId, signal: controller.signal });
      this.failures.delete(job.id);
    } catch (error) {
      await this.recover(job, controller.signal, error).catch(() => undefined);
    }
  }

  /** A failed handler must neither crash the loop nor leave its job locked. */
  private async recover(job: Item, signal: AbortSignal, error: unknown): Promise<void> {
    const { database, workerId, logger, maxRetryDelaySeconds } = this.settings;
    const { kind } = this.queue;
    const fields = { [`${kind}Id`]: job.id, workerId };
    if (signal.aborted) {
      // Either another worker owns the job now, or shutdown's releaseAll frees it.
      logger.warn({ error, ...fields }, `${kind} handler aborted`);
      return;
    }
    const failures = (this.failures.get(job.id) ?? 0) + 1;
    this.rememberFailure(job.id, failures);
    const delaySeconds = retryDelaySeconds(this.queue.previousFailures(job) + failures - 1, {
      maxSeconds: maxRetryDelaySeconds,
    });
    logger.error({ error, ...fields, delaySeconds }, `${kind} handler failed`);
    const failureMessage = error instanceof Error ? error.message : String(error);
    try {
      const released = await this.queue.release(database, {
        job,
        workerId,
        delaySeconds,
        failureMessage,
      });
      if (!released) logger.warn(fields, 'lease lost before release');
    } catch (releaseError) {
      logger.error(
        { error: releaseError, ...fields },
        `could not release a failed ${kind}; it is retried when its lease expires`,
      );
    }
  }

  private rememberFailure(id: string, failures: number): void {
    this.failures.delete(id);
    this.failures.set(id, failures);
    const oldest = this.failures.keys().next();
    if (this.failures.size > rememberedFailures && oldest.done !== true) {
      this.failures.delete(oldest.value);
    }
  }

  /** Jobs claimed while shutdown began go straight back, due at once. */
  private async handBack(jobs: Item[]): Promise<void> {
    const { database, workerId } = this.settings;
    for (const job of jobs) {
      await this.queue.release(database, { job, workerId, delaySeconds: 0, failureMessage: null });
    }
  }

  private async runLoop(afterFirstPass: () => void): Promise<void> {
    const { logger, workerId, pollIntervalMs } = this.settings;
    while (this.state === 'running') {
      // Signals before this point are covered by the claim below; later ones wake the wait.
      this.wake.reset();
      try {
        await this.dispatch();
      } catch (error) {
        logger.error({ error, workerId }, `claiming ${this.queue.kind}s failed; retrying`);
      }
      afterFirstPass();
      if (this.state !== 'running') break;
      // Woken by a NOTIFY, a finished handler (a free slot), the reaper or stop; polling covers
      // missed notifications and databases without them.
      await this.wake.wait(pollIntervalMs);
    }
    afterFirstPass();
  }

  private async subscribe(): Promise<void> {
    const { database, logger, workerId } = this.settings;
    try {
      this.unlisten = await database.listen(this.queue.channel, () => this.wake.signal());
    } catch (error) {
      logger.warn({ error, workerId }, `cannot listen for new ${this.queue.kind}s; polling only`);
    }
  }

  private async unsubscribe(): Promise<void> {
    const unlisten = this.unlisten;
    this.unlisten = null;
    await unlisten?.().catch(() => undefined);
  }

  private async reap(): Promise<void> {
    if (this.reaping) return;
    this.reaping = true;
    const { database, logger, workerId } = this.settings;
    try {
      const reaped = await this.queue.reap(database, workerId);
      if (reaped > 0) {
        logger.warn({ reaped, workerId }, 'cleared expired leases');
        this.wake.signal();
      }
    } catch (error) {
      logger.warn({ error, workerId }, 'reaping expired leases failed');
    } finally {
      this.reaping = false;
    }
  }

  private async shutdown(graceMs: number): Promise<void> {
    const { database, logger, workerId, timers } = this.settings;
    this.state = 'stopping';
    this.wake.signal();
    if (this.reaper != null) timers.clearInterval(this.reaper);
    await this.loop;
    await this.unsubscribe();
    if (!(await this.drain(graceMs))) {
      logger.warn({ workerId, inFlight: this.held.size }, 'aborting handlers past the grace');
      for (const controller of this.held.values()) controller.abort(new WorkerStoppingError());
    }
    this.heartbeat.stop();
    try {
      const released = await this.queue.releaseAll(database, { workerId });
      if (released > 0) logger.info({ workerId, released }, 'released leases on shutdown');
    } catch (error) {
      logger.error({ error, workerId }, 'could not release leases; they expire instead');
    }
    this.state = 'stopped';
  }

  /** Resolves true when every handler finished within `graceMs`. */
  private async drain(graceMs: number): Promise<boolean> {
    if (this.running.size === 0) return true;
    const { timers } = this.settings;
    let timer: TimerHandle = null;
    const expired = new Promise<boolean>((resolve) => {
      timer = timers.setTimeout(() => resolve(false), graceMs);
    });
    const finished = Promise.allSettled([...this.running]).then(() => true);
    try {
      return await Promise.race([finished, expired]);
    } finally {
      timers.clearTimeout(timer);
    }
  }
}
