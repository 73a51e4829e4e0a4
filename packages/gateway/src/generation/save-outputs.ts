import { ProviderApiError, type VideoFile } from '@vgw/spec';
import type { VideoRecord } from '../db/video-record.js';
import { recordCompleted } from '../db/video-transitions-repository.js';
import type { StoredBlob } from '../storage/content-store.js';
import type { AdvanceVideoDeps } from './advance-video-deps.js';
import { failVideo } from './fail-video.js';
import { labelOutput, passesOutputChecks, type StoredOutput } from './output-checks.js';
import { holdsForGate } from './quality-gate.js';

export class LeaseLostError extends Error {
  override name = 'LeaseLostError';
}

async function storeOne(deps: AdvanceVideoDeps, file: VideoFile): Promise<StoredBlob> {
  if (file.kind === 'file') return deps.store.putFile(file.path);
  const trusted = file.fromConfiguredOrigin === true;
  const fetcher = trusted ? deps.fetchTrusting(new URL(file.url).origin) : deps.fetch;
  const response = await fetcher(
    file.url,
    trusted && file.headers != null ? { headers: file.headers } : {},
  );
  if (!response.ok || response.body == null) {
    throw new ProviderApiError('download', `output download answered ${response.status}`, {
      retryable: true,
    });
  }
  return deps.store.putStream(response.body);
}

/**
 * Copies every output into storage once (the engine's own URL or file is never handed to users),
 * then records the files and the completion in one statement fenced on the lease.
 */
export async function saveOutputs(
  deps: AdvanceVideoDeps,
  video: VideoRecord,
  workerId: string,
  files: VideoFile[],
): Promise<void> {
  if (!files.some((file) => file.variant === 'video')) {
    await failVideo(deps, video, {
      id: video.id,
      workerId,
      error: {
        code: 'no_output',
        message: 'the engine finished without a video',
        retryable: false,
      },
    });
    return;
  }
  let stored: StoredOutput[] = [];
  for (const file of files) {
    stored.push({
      variant: file.variant,
      mediaType: file.mediaType,
      blob: await storeOne(deps, file),
    });
  }
  if (!(await passesOutputChecks(deps, video, workerId, stored))) return;
  const label = await labelOutput(deps, video, stored);
  stored = label.stored;
  const recorded = await recordCompleted(deps.database, {
    id: video.id,
    workerId,
    files: stored.map(({ variant, mediaType, blob }) => ({
      variant,
      sha256: blob.sha256,
      bytes: blob.bytes,
      mediaType,
    })),
    enqueueScore: deps.scoreOnCompletion === true,
    holdForGate: holdsForGate(video),
    ...(label.provenance != null ? { provenance: label.provenance } : {}),
    warnings: label.warnings,
  });
  if (!recorded) {
    throw new LeaseLostError(`lease on ${video.id} was lost before completion was recorded`);
  }
}
