import type { StoredImage } from './video-record.js';

export type StoryboardStatus =
  | 'queued'
  | 'rendering'
  | 'stitching'
  | 'scoring'
  | 'completed'
  | 'failed';

/** One shot as the storyboard keeps it: the request's fields and what create planned for it. */
export interface StoredShot {
  prompt: string;
  seconds: number | null;
  model: string | null;
  seed: number | null;
  continues: boolean;
  image: StoredImage | null;
  /** The model create planned to render it on (a route's chosen target). */
  plannedModel: string;
  estimateMicroUsd: number;
}

export interface StoryboardSpec {
  fps: number | null;
  size: string | null;
  model: string | null;
  shots: StoredShot[];
}

export interface StitchRecord {
  /** `copy`: concat of the shots as they are; `reencode`: the shots listed were normalised first. */
  mode: 'copy' | 'reencode';
  reencodedShots: number[];
  frames: number;
  durationSeconds: number | null;
  width: number;
  height: number;
  rate: { numerator: number; denominator: number };
}

/** The temporal score of one cut: shot `between[0]`'s last frame against the next one's first. */
export interface SeamScore {
  between: [number, number];
  /** SSIM of the two frames (gray, analysis size), as the shots' `consecutiveSsim`. */
  ssim: number;
  /** VBench flicker of the pair, `(255 − MAE) / 255` at native size; 1 = no change. */
  flicker: number;
  /** Bhattacharyya distance of the frames' colour histograms, as scene-cut detection reads. */
  histogramDistance: number;
  /** |mean luma after − mean luma before|, 0–255. */
  lumaStep: number;
  /** Whether the scene-cut rule would call the seam a cut (histogram distance over 0.5). */
  cut: boolean;
}

export interface StoryboardShotState {
  index: number;
  videoId: string | null;
  seenStatus: string | null;
}

export interface StoryboardFailure {
  code: string;
  message: string;
  /** The shot that failed it, when one did. */
  shot: number | null;
}

export interface StoryboardRecord {
  id: string;
  projectId: string;
  apiKeyId: string | null;
  name: string | null;
  spec: StoryboardSpec;
  status: StoryboardStatus;
  estimateMicroUsd: number;
  settledMicroUsd: number | null;
  stitchedSha256: string | null;
  stitchedBytes: number | null;
  stitch: StitchRecord | null;
  seamScores: SeamScore[] | null;
  sequenceId: string | null;
  error: StoryboardFailure | null;
  attempts: number;
  createdAt: Date;
  completedAt: Date | null;
  shots: StoryboardShotState[];
}

export interface StoryboardRow {
  id: string;
  project_id: string;
  api_key_id: string | null;
  name: string | null;
  spec: StoryboardSpec;
  status: StoryboardStatus;
  estimate_micro_usd: string | number;
  settled_micro_usd: string | number | null;
  stitched_sha256: string | null;
  stitched_bytes: string | number | null;
  stitch: StitchRecord | null;
  seam_scores: SeamScore[] | null;
  sequence_id: string | null;
  error_code: string | null;
  error_message: string | null;
  error_shot: number | null;
  attempts: number;
  created_at: Date;
  completed_at: Date | null;
  shots: { index: number; video_id: string | null; seen_status: string | null }[] | null;
}

const numberOrNull = (value: string | number | null) => (value == null ? null : Number(value));

export function toStoryboardRecord(row: StoryboardRow): StoryboardRecord {
  return {
    id: row.id,
    projectId: row.project_id,
    apiKeyId: row.api_key_id,
    name: row.name,
    spec: row.spec,
    status: row.status,
    estimateMicroUsd: Number(row.estimate_micro_usd),
    settledMicroUsd: numberOrNull(row.settled_micro_usd),
    stitchedSha256: row.stitched_sha256,
    stitchedBytes: numberOrNull(row.stitched_bytes),
    stitch: row.stitch,
    seamScores: row.seam_scores,
    sequenceId: row.sequence_id,
    error:
      row.error_code != null
        ? { code: row.error_code, message: row.error_message ?? '', shot: row.error_shot }
        : null,
    attempts: row.attempts,
    createdAt: new Date(row.created_at),
    completedAt: row.completed_at != null ? new Date(row.completed_at) : null,
    shots: (row.shots ?? [])
      .map((shot) => ({ index: shot.index, videoId: shot.video_id, seenStatus: shot.seen_status }))
      .sort((left, right) => left.index - right.index),
  };
}

/** The storyboard's columns with its shots as one JSON array, for `select … from storyboards s`. */
export const storyboardColumns = `s.*, (
  select json_agg(json_build_object('index', sh.shot_index, 'video_id', sh.video_id,
    'seen_status', sh.seen_status))
  from storyboard_shots sh where sh.storyboard_id = s.id) as shots`;
