/** The subset of `fetch` the client calls; the global `fetch` satisfies it. */
export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

/**
 * Waits `ms` milliseconds. Injectable so tests never wait on wall time; an implementation should
 * reject when `signal` aborts (the client also checks the signal after every sleep).
 */
export type SleepFunction = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface ClientOptions {
  /** Includes `/v1`, like openai's: e.g. `http://127.0.0.1:8080/v1`. */
  baseURL: string;
  apiKey: string;
  fetch?: FetchFunction;
  /** Retries after the first attempt; default 2. */
  maxRetries?: number;
  /** Per attempt, until response headers arrive; default 60 000. */
  timeoutMs?: number;
  defaultHeaders?: Record<string, string>;
  sleep?: SleepFunction;
  /** Milliseconds since the epoch; default `Date.now`. */
  now?: () => number;
  /** A number in [0, 1) for retry jitter; default `Math.random`. */
  random?: () => number;
}

export interface RequestOptions {
  /** Added to (and overriding) the client's headers for this call. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
  timeoutMs?: number;
  maxRetries?: number;
  /** Sent as `Idempotency-Key` on POSTs; one is generated per call when absent. */
  idempotencyKey?: string;
}
