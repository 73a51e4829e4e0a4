/** Resolves when the signal aborts: how `serve` and `worker` wait for Ctrl-C or SIGTERM. */
export function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
