import type { SignalSource } from '../cli-io.js';

export interface InterruptWatch {
  /** Aborts on the first SIGINT or SIGTERM. */
  signal: AbortSignal;
  dispose(): void;
}

/** Turns interrupt signals into an AbortSignal that every command's waits and requests honour. */
export function watchInterrupts(signals: SignalSource | undefined): InterruptWatch {
  const controller = new AbortController();
  const unsubscribe =
    signals?.((signal) => controller.abort(new Error(`received ${signal}`))) ?? (() => {});
  return { signal: controller.signal, dispose: unsubscribe };
}
