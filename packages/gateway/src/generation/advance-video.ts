import {
  ProviderApiError,
  type VideoFailure,
  type VideoFile,
  type VideoStatusResult,
} from '@vgw/spec';
import type { VideoRecord } from '../db/video-record.js';
import {
  countEvents,
  isPastDeadline,
  recordCheckFailure,
  recordDownloadFailure,
  recordPending,
  recordRestart,
} from '../db/video-transitions-repository.js';
import type { ConfiguredModelEntry, ModelRegistry } from '../providers/model-registry.js';
import type { AdvanceContext, AdvanceVideoDeps } from './advance-video-deps.js';
import { noteEngineSuccess } from './engine-health.js';
import { failVideo } from './fail-video.js';
import { judgeQuality } from './quality-gate.js';
import { LeaseLostError, saveOutputs } from './save-outputs.js';
import { startVideo } from './start-video.js';
import { nextCheckDelay, toFailure } from './video-failure.js';

const maxDownloadAttempts = 3;
/** About 4 minutes of backoff (0.5 s doubling, capped at 30 s) before a broken provider fails a video. */
const maxConsecutiveCheckFailures = 12;

function resolveEntry(registry: ModelRegistry, video: VideoRecord): ConfiguredModelEntry | null {
  try {
    return registry.resolve(video.model);
  } catch {
    return null;
  }
}

async function failOrRestart(
  deps: AdvanceVideoDeps,
  video: VideoRecord,
  context: AdvanceContext,
  error: VideoFailure,
): Promise<void> {
  const lease = { id: video.id, workerId: context.workerId };
  if (error.retryable && video.startAttempts < deps.maxStartAttempts) {
    await recordRestart(deps.database, {
      ...lease,
      error,
      newStartKey: deps.newStartKey(),
      delaySeconds: nextCheckDelay(video.startAttempts),
    });
    return;
  }
  await failVideo(deps, video, { ...lease, error });
}

async function checkStatus(
  deps: AdvanceVideoDeps,
  entry: ConfiguredModelEntry,
  video: VideoRecord,
  context: AdvanceContext,
): Promise<void> {
  const lease = { id: video.id, workerId: context.workerId };
  let result: VideoStatusResult;
  try {
    result = await entry.model.doStatus({ operation: video.operation });
  } catch (error) {
    // A status check that errors is a missed check, not a failed render, unless it keeps failing.
    const failure = toFailure(error, 'status_check_failed');
    if (!failure.retryable) return failOrRestart(deps, video, context, failure);
    const failuresInARow = video.consecutiveCheckFailures + 1;
    if (failuresInARow >= maxConsecutiveCheckFailures) {
      const message = `${failuresInARow} status checks in a row failed; last: ${failure.message}`;
      await failVideo(deps, video, {
        ...lease,
        error: { ...failure, retryable: false, message },
      });
      return;
    }
    deps.logger.warn({ videoId: video.id, error: failure.message }, 'status check failed');
    const hint = error instanceof ProviderApiError ? error.retryAfterMs : null;
    await recordCheckFailure(deps.database, {
      ...lease,
      message: failure.message,
      delaySeconds: nextCheckDelay(failuresInARow, hint ?? undefined),
    });
    return;
  }
  if (result.status === 'pending') {
    await recordPending(deps.database, {
      ...lease,
      progress: result.progress ?? video.progress,
      delaySeconds: nextCheckDelay(video.statusChecks, result.retryAfterMs),
    });
  } else if (result.status === 'completed') {
    await completeVideo(deps, entry, video, context, result.videos);
  } else {
    await failOrRestart(deps, video, context, result.error);
  }
}

/**
 * Stores the outputs; a refused download (an unsafe URL) fails the video at once, and a
 * download that keeps failing fails it after `maxDownloadAttempts`, naming the reason, instead
 * of waiting for the deadline.
 */
async function completeVideo(
  deps: AdvanceVideoDeps,
  entry: ConfiguredModelEntry,
  video: VideoRecord,
  context: AdvanceContext,
  files: VideoFile[],
): Promise<void> {
  const lease = { id: video.id, workerId: context.workerId };
  try {
    await saveOutputs(deps, video, context.workerId, files);
  } catch (error) {
    if (error instanceof LeaseLostError) throw error;
    const failure = toFailure(error, 'download_failed');
    const attempts = (await countEvents(deps.database, video.id, 'download_failed')) + 1;
    if (!failure.retryable || attempts >= maxDownloadAttempts) {
      await failVideo(deps, video, {
        ...lease,
        error: {
          ...failure,
          retryable: false,
          message: `output download failed: ${failure.message}`,
        },
        // The provider finished the render, so it billed it, whatever became of the download.
        settlement: { outcome: 'billed', rule: 'billed:output_not_saved' },
        producedOutput: true,
      });
      return;
    }
    await recordDownloadFailure(deps.database, {
      ...lease,
      message: failure.message,
      delaySeconds: nextCheckDelay(attempts),
    });
    return;
  }
  await noteEngineSuccess(deps, video);
  await entry.model.doCleanup?.({ operation: video.operation }).catch((error: unknown) => {
    deps.logger.warn({ videoId: video.id, error: String(error) }, 'engine cleanup failed');
  });
}

async function expire(
  deps: AdvanceVideoDeps,
  entry: ConfiguredModelEntry | null,
  video: VideoRecord,
  workerId: string,
) {
  if (entry?.model.doCancel != null && video.operation != null) {
    await entry.model.doCancel({ operation: video.operation }).catch(() => undefined);
  }
  const seconds = Math.round((video.deadlineAt.getTime() - video.createdAt.getTime()) / 1000);
  await failVideo(deps, video, {
    id: video.id,
    workerId,
    error: {
      code: 'upstream_timeout',
      message: `the render did not finish within its ${seconds} s deadline`,
      retryable: false,
    },
  });
}

/**
 * One step of a video's life, run by whichever worker holds its lease: start the render (once)
 * or check its status once, then record the outcome with a fenced write. No worker waits for a
 * whole render; any worker can continue from the stored operation after any restart.
 */
export async function advanceVideo(
  deps: AdvanceVideoDeps,
  video: VideoRecord,
  context: AdvanceContext,
): Promise<void> {
  if (video.awaitingGate) return judgeQuality(deps, video, context);
  const entry = resolveEntry(deps.registry, video);
  const pastDeadline = video.pastDeadline ?? (await isPastDeadline(deps.database, video.id));
  if (pastDeadline) return expire(deps, entry, video, context.workerId);
  if (entry == null) {
    await failVideo(deps, video, {
      id: video.id,
      workerId: context.workerId,
      error: {
        code: 'model_unavailable',
        message: `model "${video.model}" is no longer configured`,
        retryable: false,
      },
    });
    return;
  }
  if (video.operation == null) return startVideo(deps, entry, video, context);
  return checkStatus(deps, entry, video, context);
}
