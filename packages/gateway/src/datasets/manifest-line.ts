import type { DatasetCandidate } from '../db/dataset-candidates-repository.js';
import type { CompletedVideoMedia } from '../generation/completed-video-media.js';
import type { ConformFamily } from './dataset-request.js';
import type { DatasetSplit } from './dataset-split.js';

/** What conform did to one clip, with the source it started from. */
export interface ConformRecord {
  family: ConformFamily;
  fps: number;
  frames: number;
  width: number;
  height: number;
  source: { fps: string; frames: number; width: number; height: number; sha256: string };
}

/** The file written for a clip: where, its facts as written, and any sidecar manifest. */
export interface WrittenClip {
  candidate: DatasetCandidate;
  media: CompletedVideoMedia;
  split: DatasetSplit;
  stem: string;
  sha256: string;
  bytes: number;
  conform: ConformRecord | null;
  /** Relative path of the C2PA sidecar copied beside the dataset, when the video has one. */
  sidecarPath: string | null;
}

const rateText = (rate: { numerator: number; denominator: number }) =>
  rate.denominator === 1 ? String(rate.numerator) : `${rate.numerator}/${rate.denominator}`;

/**
 * One line of `manifest.jsonl`. `caption` + `media_path` are what LTX-Video-Trainer reads,
 * `video_path` + `caption` what musubi-tuner's JSONL mode reads; trainers ignore the rest, which
 * is the clip's provenance. Paths are relative to the manifest's own folder.
 */
export function manifestLine(clip: WrittenClip): Record<string, unknown> {
  const { candidate, media, conform } = clip;
  const path = `${clip.split}/${clip.stem}.mp4`;
  const fps = conform?.fps ?? media.rate.numerator / media.rate.denominator;
  const frames = conform?.frames ?? media.frames;
  return {
    media_path: path,
    video_path: path,
    caption_path: `${clip.split}/${clip.stem}.txt`,
    caption: candidate.prompt,
    prompt: candidate.prompt,
    split: clip.split,
    video_id: candidate.id,
    model: candidate.model,
    provider: candidate.provider,
    route: candidate.route,
    seed: candidate.seed,
    created_at: candidate.createdAt.toISOString(),
    fps: Math.round(fps * 1000) / 1000,
    fps_rational: conform != null ? String(conform.fps) : rateText(media.rate),
    num_frames: frames,
    width: conform?.width ?? media.width,
    height: conform?.height ?? media.height,
    duration_s: Math.round((frames / fps) * 10_000) / 10_000,
    has_audio: conform == null && media.hasAudio,
    scores:
      candidate.stabilityIndex != null
        ? { stability_index: candidate.stabilityIndex, dynamic: candidate.dynamic }
        : null,
    rating:
      candidate.ratingAverage != null ? Math.round(candidate.ratingAverage * 100) / 100 : null,
    rating_count: candidate.ratingCount,
    tags: candidate.tags,
    sha256: clip.sha256,
    bytes: clip.bytes,
    provenance: {
      ai_generated: true,
      // A conformed clip is a new encode: the source's embedded manifest does not travel with it.
      c2pa: conform != null ? 'source_only' : candidate.provenance,
      source_c2pa: candidate.provenance,
      source_sha256: media.sha256,
      c2pa_sidecar: clip.sidecarPath,
    },
    license: null,
    conform,
  };
}

export function conformRecordOf(
  family: ConformFamily,
  media: CompletedVideoMedia,
  target: { fps: number; frames: number; width: number; height: number },
): ConformRecord {
  return {
    family,
    ...target,
    source: {
      fps: rateText(media.rate),
      frames: media.frames,
      width: media.width,
      height: media.height,
      sha256: media.sha256,
    },
  };
}
