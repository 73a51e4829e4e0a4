import type { VideoFailure } from '@vgw/spec';
import { recordEngineFailure, recordEngineSuccess } from '../db/engine-breakers-repository.js';
import type { VideoRecord } from '../db/video-record.js';
import { isEngineFault } from '../routing/fallback-policy.js';
import type { AdvanceVideoDeps } from './advance-video-deps.js';

/**
 * Breakers are advice to routes, not part of the video's own state: a write that fails is
 * logged and the video's transition goes on, rather than a render failing for the bookkeeping.
 */
async function advisory(deps: AdvanceVideoDeps, video: VideoRecord, write: () => Promise<void>) {
  try {
    await write();
  } catch (error) {
    deps.logger.warn({ videoId: video.id, error: String(error) }, 'circuit breaker update failed');
  }
}

/** A failure that says something about the engine counts toward opening its breaker. */
export function noteEngineFailure(
  deps: AdvanceVideoDeps,
  video: VideoRecord,
  failure: VideoFailure,
): Promise<void> {
  if (!isEngineFault(failure.code)) return Promise.resolve();
  return advisory(deps, video, () =>
    recordEngineFailure(
      deps.database,
      video.model,
      `${failure.code}: ${failure.message}`,
      deps.breakers,
    ),
  );
}

/** A completed render closes its model's breaker. */
export function noteEngineSuccess(deps: AdvanceVideoDeps, video: VideoRecord): Promise<void> {
  return advisory(deps, video, () => recordEngineSuccess(deps.database, video.model));
}
