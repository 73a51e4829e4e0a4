export interface BackoffOptions {
  baseSeconds?: number;
  maxSeconds?: number;
}

/**
 * Delay before retrying a video whose handler failed: 1, 2, 4, … seconds, capped, so a broken
 * provider or a poisoned row is retried without hammering anything.
 */
export function retryDelaySeconds(attempt: number, options: BackoffOptions = {}): number {
  const base = options.baseSeconds ?? 1;
  const max = options.maxSeconds ?? 60;
  const exponent = Math.max(0, Math.floor(attempt));
  // Clamp the exponent first so a huge attempt count cannot overflow to Infinity.
  return Math.min(max, base * 2 ** Math.min(exponent, 30));
}
