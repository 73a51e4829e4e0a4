import type { TimerHandle, WorkerTimers } from './timers.js';

/**
 * Wakes the idle worker loop early (a NOTIFY, a finished handler, stop). Sticky: a signal that
 * arrives while the loop is busy claiming is kept, so the next wait returns at once instead of
 * missing the new work until the poll interval passes.
 */
export class WakeSignal {
  private pending = false;
  private waiter: { resolve: () => void; timer: TimerHandle } | null = null;

  constructor(private readonly timers: WorkerTimers) {}

  signal(): void {
    if (!this.release()) this.pending = true;
  }

  /** Forgets signals already seen: called just before a claim, which sees their work anyway. */
  reset(): void {
    this.pending = false;
  }

  /** Resolves on the next signal or after `timeoutMs`, whichever comes first. */
  wait(timeoutMs: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    // Only the loop waits; a second wait simply supersedes the first.
    this.release();
    return new Promise((resolve) => {
      const timer = this.timers.setTimeout(() => {
        if (this.waiter?.timer === timer) this.waiter = null;
        resolve();
      }, timeoutMs);
      this.waiter = { resolve, timer };
    });
  }

  private release(): boolean {
    const waiter = this.waiter;
    if (waiter == null) return false;
    this.waiter = null;
    this.timers.clearTimeout(waiter.timer);
    waiter.resolve();
    return true;
  }
}
