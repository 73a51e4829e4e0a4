/**
 * Failures that never move a video to another target unless a route lists them: a refusal of
 * the content would only be refused again elsewhere (or, worse, be rendered by a laxer engine
 * against the operator's intent), an exhausted budget is not cured by a different engine, and a
 * cancelled video was stopped on purpose.
 */
const refusalCodes = new Set(['content_policy_violation', 'budget_exceeded', 'cancelled']);

/** Failures that say something about the engine, not the request: they count against breakers. */
const engineFaultCodes = new Set([
  'start_failed',
  'provider_unavailable',
  'provider_rate_limited',
  'provider_error',
  'provider_unreachable',
  'provider_bad_response',
  'provider_auth_failed',
  'provider_quota_exceeded',
  'upstream_timeout',
  'status_check_failed',
  'render_failed',
  'render_timeout',
  'render_lost',
  'render_interrupted',
  'no_output',
  'invalid_operation',
  'model_unavailable',
]);

/** Whether a failed attempt that produced no video moves on to the route's next target. */
export function shouldFallBack(code: string, fallbackOn: readonly string[] | null): boolean {
  if (fallbackOn != null) return fallbackOn.includes(code);
  return !refusalCodes.has(code);
}

/** Whether a failure counts toward opening the model's circuit breaker. */
export function isEngineFault(code: string): boolean {
  return engineFaultCodes.has(code);
}
