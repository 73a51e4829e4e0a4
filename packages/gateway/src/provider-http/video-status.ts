import type { JSONObject, VideoStatusResult } from '@vgw/spec';

/**
 * The status results every adapter reports the same way. Messages stay the adapter's own: they
 * name the provider and its job, which is what an operator reads in the failure.
 */

/** The render budget in whole seconds, as failure messages state it. */
export function renderLimitSeconds(maxRenderMs: number): number {
  return Math.round(maxRenderMs / 1000);
}

/** Whether a render started at `startedAt` has run past the configured budget. */
export function pastRenderLimit(
  settings: { now: () => number; maxRenderMs: number },
  startedAt: number,
): boolean {
  return settings.now() > startedAt + settings.maxRenderMs;
}

/** Past the budget: final, since starting the render again would only time out again. */
export function upstreamTimeout(message: string): VideoStatusResult {
  return { status: 'failed', error: { code: 'upstream_timeout', message, retryable: false } };
}

/** A success that names no output: nothing to download, and asking again will not change it. */
export function noOutput(message: string): VideoStatusResult {
  return { status: 'failed', error: { code: 'no_output', message, retryable: false } };
}

/** A finished render whose MP4 the gateway downloads once from `url`. */
export function completedFromUrl(url: string, providerMetadata: JSONObject): VideoStatusResult {
  return {
    status: 'completed',
    videos: [{ variant: 'video', kind: 'url', url, mediaType: 'video/mp4' }],
    providerMetadata,
  };
}
