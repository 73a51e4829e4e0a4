import type { VideoWarning } from '@vgw/spec';
import { isBlobReferenced } from '../db/videos-repository.js';
import type { OutputProvenance, VideoRecord } from '../db/video-record.js';
import type { StoredBlob } from '../storage/content-store.js';
import type { AdvanceVideoDeps } from './advance-video-deps.js';
import { failVideo } from './fail-video.js';
import { screenOutput } from './screen-output.js';

export interface StoredOutput {
  variant: string;
  mediaType: string;
  blob: StoredBlob;
}

async function discard(deps: AdvanceVideoDeps, blobs: StoredBlob[]): Promise<void> {
  for (const blob of blobs) {
    if (!(await isBlobReferenced(deps.database, blob.sha256))) await deps.store.remove(blob.sha256);
  }
}

/**
 * Frames of the stored video through the post checks. A refused output fails the video with
 * `content_policy_violation` on `output` and its files are removed unserved; the render was made,
 * so it is settled as billed and a route does not render it again elsewhere.
 */
export async function passesOutputChecks(
  deps: AdvanceVideoDeps,
  video: VideoRecord,
  workerId: string,
  stored: StoredOutput[],
): Promise<boolean> {
  const main = stored.find((output) => output.variant === 'video');
  if (deps.policy == null || main == null) return true;
  const verdict = await screenOutput(deps.policy, video, deps.store.pathOf(main.blob.sha256));
  if (verdict == null || verdict.decision === 'allow') return true;
  await discard(
    deps,
    stored.map(({ blob }) => blob),
  );
  const why = verdict.category != null ? `category ${verdict.category}` : 'unscreenable frames';
  await failVideo(deps, video, {
    id: video.id,
    workerId,
    error: {
      code: 'content_policy_violation',
      message: `the rendered output was refused by policy ${verdict.version} (${why}; rules: ${verdict.rules.join(', ')}) and is not served`,
      retryable: false,
      param: 'output',
    },
    settlement: { outcome: 'billed', rule: 'billed:output_refused' },
    producedOutput: true,
  });
  return false;
}

/**
 * Signs the stored video with a C2PA manifest: the signed copy replaces the original blob, or a
 * sidecar manifest is stored as the `c2pa` file. Without a labeller the output stays unlabelled.
 */
export async function labelOutput(
  deps: AdvanceVideoDeps,
  video: VideoRecord,
  stored: StoredOutput[],
): Promise<{
  stored: StoredOutput[];
  provenance: OutputProvenance | null;
  warnings: VideoWarning[];
}> {
  const main = stored.find((output) => output.variant === 'video');
  if (deps.labeller == null || main == null) return { stored, provenance: null, warnings: [] };
  const label = await deps.labeller.label(deps.store.pathOf(main.blob.sha256), {
    videoId: video.id,
    model: video.model,
    provider: video.provider,
    route: video.route,
  });
  try {
    let next = stored;
    if (label.signedPath != null) {
      const signed = await deps.store.putFile(label.signedPath);
      await discard(deps, [main.blob]);
      next = stored.map((output) => (output === main ? { ...main, blob: signed } : output));
    }
    if (label.sidecar != null) {
      const blob = await deps.store.putBytes(label.sidecar);
      next = [...next, { variant: 'c2pa', mediaType: 'application/c2pa', blob }];
    }
    const warnings: VideoWarning[] =
      label.warning != null ? [{ type: 'other', message: label.warning }] : [];
    return { stored: next, provenance: label.provenance, warnings };
  } finally {
    await label.dispose();
  }
}
