/**
 * Retry rules, after openai-node's: retry 408/409/429/5xx and connection failures unless the
 * server says otherwise with `x-should-retry`; wait as the server asks when that is 0–60 s,
 * else back off exponentially with jitter.
 */

const INITIAL_DELAY_MS = 500;
const MAX_BACKOFF_MS = 8_000;
const MAX_SERVER_DELAY_MS = 60_000;
// Up to a quarter of the delay is shaved off so that many clients do not retry in lockstep.
const MAX_JITTER_FRACTION = 0.25;

export function isRetryableStatus(status: number): boolean {
  // 408 request timeout, 409 lock/conflict in flight, 429 rate limit, 5xx server trouble.
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** Whether a failed response should be retried; `x-should-retry` overrides the status rule. */
export function shouldRetryResponse(response: Response): boolean {
  const override = response.headers.get('x-should-retry');
  if (override === 'true') return true;
  if (override === 'false') return false;
  return isRetryableStatus(response.status);
}

function parseNumber(value: string | null): number | undefined {
  if (value == null || value.trim() === '') return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** The delay the server asks for via `retry-after-ms`, then `retry-after` (seconds or a date). */
export function serverRequestedDelayMs(headers: Headers, nowMs: number): number | undefined {
  const milliseconds = parseNumber(headers.get('retry-after-ms'));
  if (milliseconds != null) return milliseconds;
  const retryAfter = headers.get('retry-after');
  if (retryAfter == null) return undefined;
  const seconds = parseNumber(retryAfter);
  if (seconds != null) return seconds * 1000;
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? undefined : date - nowMs;
}

/** 0.5 s · 2^retryIndex, capped at 8 s, minus up to 25 % jitter. */
export function backoffDelayMs(retryIndex: number, random: () => number): number {
  const base = Math.min(INITIAL_DELAY_MS * 2 ** retryIndex, MAX_BACKOFF_MS);
  return base * (1 - random() * MAX_JITTER_FRACTION);
}

export interface RetryDelayInput {
  /** Headers of the failed response; absent for connection errors. */
  headers?: Headers | undefined;
  /** 0 for the first retry. */
  retryIndex: number;
  nowMs: number;
  random: () => number;
}

export function retryDelayMs(input: RetryDelayInput): number {
  const requested =
    input.headers == null ? undefined : serverRequestedDelayMs(input.headers, input.nowMs);
  if (requested != null && requested > 0 && requested <= MAX_SERVER_DELAY_MS) return requested;
  return backoffDelayMs(input.retryIndex, input.random);
}
