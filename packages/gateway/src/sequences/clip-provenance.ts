import type { VideoRecord } from '../db/video-record.js';
import { formatUsd } from '../cost/money.js';
import type { CompletedVideoMedia } from '../generation/completed-video-media.js';

export interface ClipProvenanceInput {
  video: VideoRecord;
  media: CompletedVideoMedia;
  /** Where the MP4 and the C2PA sidecar (if any) sit in the package. */
  mediaPath: string;
  sidecarPath: string | null;
  /** Indexes of the sequence's clips that use this video. */
  clips: number[];
  /** The video's scores summary as the API serves it, or null when it has none. */
  scores: unknown;
}

/** The settled cost where there is one, else the estimate reserved at create, said as such. */
function costOf(video: VideoRecord) {
  const settled = video.actualMicroUsd;
  const amount = settled ?? video.estimateMicroUsd;
  if (amount == null) return null;
  return {
    cost_usd: formatUsd(amount),
    settled: settled != null,
    basis: video.costBasis,
  };
}

/** `provenance/<name>.json`: where a clip came from, for whoever opens the package later. */
export function clipProvenance(input: ClipProvenanceInput): Record<string, unknown> {
  const { video, media } = input;
  return {
    object: 'vgw.clip_provenance',
    video_id: video.id,
    clips: input.clips,
    file: input.mediaPath,
    prompt: video.prompt,
    seed: video.seed,
    model: video.model,
    provider: video.provider,
    route: video.route,
    created_at: video.createdAt.toISOString(),
    completed_at: video.completedAt?.toISOString() ?? null,
    cost: costOf(video),
    media: {
      sha256: media.sha256,
      bytes: media.bytes,
      frames: media.frames,
      rate: `${media.rate.numerator}/${media.rate.denominator}`,
      width: media.width,
      height: media.height,
      has_audio: media.hasAudio,
    },
    scores: input.scores,
    c2pa: {
      // Null: finished before outputs were labelled, so nothing says either way.
      status: video.provenance ?? 'unknown',
      sidecar: input.sidecarPath,
    },
  };
}
