/** An opaque timer handle: Node returns objects, fake timers in tests may return anything. */
export type TimerHandle = unknown;

/**
 * The clock functions the worker schedules with. Injectable so tests drive heartbeats, polls and
 * reaps by hand instead of sleeping. Methods (not function properties) so Node's own overloads
 * are assignable.
 */
export interface WorkerTimers {
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
  setInterval(callback: () => void, intervalMs: number): TimerHandle;
  clearInterval(handle: TimerHandle): void;
}

export const systemTimers: WorkerTimers = {
  setTimeout: (callback, delayMs) => setTimeout(callback, delayMs),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  setInterval: (callback, intervalMs) => setInterval(callback, intervalMs),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};
