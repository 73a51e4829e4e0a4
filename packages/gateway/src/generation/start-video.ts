import {
  EngineBusyError,
  ProviderApiError,
  type VideoCallOptions,
  type VideoStartResult,
} from '@vgw/spec';
import type { VideoRecord } from '../db/video-record.js';
import {
  recordPending,
  recordStartAttempt,
  recordStartDeferred,
  recordStarted,
} from '../db/video-transitions-repository.js';
import type { ConfiguredModelEntry } from '../providers/model-registry.js';
import type { AdvanceContext, AdvanceVideoDeps } from './advance-video-deps.js';
import { failVideo } from './fail-video.js';
import { mergedProviderOptions } from './provider-options.js';
import { nextCheckDelay, toFailure } from './video-failure.js';

function callOptions(
  deps: AdvanceVideoDeps,
  entry: ConfiguredModelEntry,
  video: VideoRecord,
  signal: AbortSignal,
): VideoCallOptions {
  const [width, height] = video.size.split('x').map(Number) as [number, number];
  return {
    prompt: video.prompt,
    seconds: video.seconds,
    width,
    height,
    fps: video.fps,
    seed: video.seed,
    inputReference:
      video.inputReference != null
        ? {
            path: deps.store.pathOf(video.inputReference.sha256),
            mediaType: video.inputReference.mediaType,
          }
        : null,
    // The same key on every retry of this start: a provider that honours it renders (and bills)
    // once even when a worker died after the call but before the operation was saved.
    idempotencyKey: video.startKey,
    providerOptions: mergedProviderOptions(
      video.targetOptions,
      video.providerOptions,
      entry.provider,
    ),
    abortSignal: signal,
  };
}

/** A start that threw: deferred (busy engine), retried later with the same key, or failed. */
async function recordStartFailure(
  deps: AdvanceVideoDeps,
  video: VideoRecord,
  lease: { id: string; workerId: string },
  error: unknown,
): Promise<void> {
  if (error instanceof EngineBusyError) {
    await recordStartDeferred(deps.database, {
      ...lease,
      reason: error.message,
      delaySeconds: (error.retryAfterMs ?? 1000) / 1000,
    });
    return;
  }
  const failure = toFailure(error, 'start_failed');
  if (!failure.retryable) {
    await failVideo(deps, video, { ...lease, error: failure });
    return;
  }
  const attempts = video.startAttempts + 1;
  if (attempts >= deps.maxStartAttempts) {
    // The last allowed attempt: fail now, saying why, rather than on the next claim without it.
    const message = `the render could not be started after ${attempts} attempts; last: ${failure.message}`;
    await failVideo(deps, video, {
      ...lease,
      error: { code: 'start_failed', message, retryable: false },
    });
    return;
  }
  deps.logger.warn({ videoId: video.id, error: failure.message }, 'start failed; will retry');
  const hint = error instanceof ProviderApiError ? error.retryAfterMs : null;
  await recordPending(deps.database, {
    ...lease,
    progress: 0,
    delaySeconds: nextCheckDelay(attempts, hint ?? undefined),
  });
}

/** Starts the render once; a retryable failure is retried later with the same start key. */
export async function startVideo(
  deps: AdvanceVideoDeps,
  entry: ConfiguredModelEntry,
  video: VideoRecord,
  context: AdvanceContext,
): Promise<void> {
  const lease = { id: video.id, workerId: context.workerId };
  if (video.startAttempts >= deps.maxStartAttempts) {
    await failVideo(deps, video, {
      ...lease,
      error: {
        code: 'start_failed',
        message: `the render could not be started after ${video.startAttempts} attempts`,
        retryable: false,
      },
    });
    return;
  }
  if (!(await recordStartAttempt(deps.database, lease))) return;
  let started: VideoStartResult;
  try {
    started = await entry.model.doStart(callOptions(deps, entry, video, context.signal));
  } catch (error) {
    await recordStartFailure(deps, video, lease, error);
    return;
  }
  await recordStarted(deps.database, {
    ...lease,
    operation: started.operation,
    warnings: started.warnings,
    delaySeconds: 0.25,
  });
}
