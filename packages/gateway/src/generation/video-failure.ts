import { GatewayError, type VideoFailure } from '@vgw/spec';

/** Seconds until the next status check: the engine's hint, else doubling from 0.5 s to 30 s. */
export function nextCheckDelay(statusChecks: number, retryAfterMs?: number): number {
  if (retryAfterMs != null && retryAfterMs >= 0) return Math.min(retryAfterMs / 1000, 300);
  return Math.min(30, 0.5 * 2 ** Math.min(statusChecks, 6));
}

/** Unknown errors count as retryable: a crash in our own code must not burn a paid render. */
export function toFailure(error: unknown, fallbackCode: string): VideoFailure {
  if (error instanceof GatewayError) {
    const failure: VideoFailure = {
      code: error.code,
      message: error.message,
      retryable: error.retryable,
    };
    if (error.param != null) failure.param = error.param;
    return failure;
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: fallbackCode, message, retryable: true };
}
