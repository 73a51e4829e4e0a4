/** Runs `check` every `intervalMs` until the returned function stops it. */
export type Every = (intervalMs: number, check: () => void) => () => void;

export const unrefInterval: Every = (intervalMs, check) => {
  const timer = setInterval(check, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
};

export interface OrphanWatchOptions {
  /** The current parent's process id (`process.ppid` reads it anew each time). */
  parentId: () => number;
  every?: Every;
  intervalMs?: number;
}

/**
 * `npx vgw serve` runs as npm → sh → node. A supervisor's SIGTERM reaches npm, which passes it
 * to sh, which dies without passing it on: vgw would go on serving, reparented, with nobody
 * left to stop it. So under npm exec, losing the parent counts as that SIGTERM. (Run directly,
 * vgw ignores its parent: `nohup vgw serve &` must outlive the shell that started it.)
 */
export function watchForOrphaning(onOrphaned: () => void, options: OrphanWatchOptions): () => void {
  const original = options.parentId();
  const every = options.every ?? unrefInterval;
  let fired = false;
  const stop = every(options.intervalMs ?? 1000, () => {
    if (fired || options.parentId() === original) return;
    fired = true;
    stop();
    onOrphaned();
  });
  return stop;
}
