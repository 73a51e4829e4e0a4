import type { SleepFunction } from './client-options.js';
import { PollTimeoutError } from './errors.js';
import { throwIfAborted } from './sleep.js';
import type { JsonResult } from './transport.js';
import type { Video, VideoStatus } from './types.js';

export const DEFAULT_POLL_INTERVAL_MS = 2_000;
export const DEFAULT_POLL_TIMEOUT_MS = 30 * 60_000;
/** The gateway's (and OpenAI's) hint for when to ask again. */
export const POLL_AFTER_HEADER = 'openai-poll-after-ms';

export interface PollOptions {
  /** Wait between checks when the server gives no `openai-poll-after-ms` hint; default 2 000. */
  pollIntervalMs?: number;
  /** Total time allowed, counted from the call; default 30 minutes. */
  timeoutMs?: number;
  /** Called with every state seen, including the first and the final one. */
  onProgress?: (video: Video) => void | Promise<void>;
  signal?: AbortSignal;
}

export interface PollDependencies {
  retrieve: (signal: AbortSignal | undefined) => Promise<JsonResult<Video>>;
  sleep: SleepFunction;
  now: () => number;
}

export function isTerminalStatus(status: VideoStatus): boolean {
  return status === 'completed' || status === 'failed';
}

function nextDelayMs(response: Response, pollIntervalMs: number): number {
  const hint = response.headers.get(POLL_AFTER_HEADER);
  const hinted = hint == null ? Number.NaN : Number(hint);
  return Number.isFinite(hinted) && hinted > 0 ? hinted : pollIntervalMs;
}

/**
 * Polls from `first` until the video is completed or failed and returns it (a failed video is
 * returned, not thrown, so the caller can read `error`). Throws PollTimeoutError once
 * `timeoutMs` has passed since `startedAt`, so a stuck render can never hang the caller.
 */
export async function pollUntilDone(
  first: JsonResult<Video>,
  startedAt: number,
  dependencies: PollDependencies,
  options: PollOptions = {},
): Promise<Video> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_POLL_TIMEOUT_MS;
  const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const deadline = startedAt + timeoutMs;
  let current = first;
  for (;;) {
    await options.onProgress?.(current.body);
    if (isTerminalStatus(current.body.status)) return current.body;
    const remaining = deadline - dependencies.now();
    if (remaining <= 0) throw new PollTimeoutError(current.body, timeoutMs);
    // Never sleep past the deadline: one last check right at it may still find the video done.
    const delay = Math.min(nextDelayMs(current.response, pollIntervalMs), remaining);
    await dependencies.sleep(delay, options.signal);
    throwIfAborted(options.signal);
    current = await dependencies.retrieve(options.signal);
  }
}
