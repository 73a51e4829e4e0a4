import type { VideoScoresSummary } from './video-scores.js';
import type { VideoWarning } from './types.js';

export type StoryboardStatus =
  | 'queued'
  | 'rendering'
  | 'stitching'
  | 'scoring'
  | 'completed'
  | 'failed';

export interface StoryboardShotParams {
  prompt: string;
  /** Duration in seconds; the model's default when absent. */
  seconds?: number | string;
  /** A model or route for this shot; the storyboard's `model` when absent. */
  model?: string;
  /** An input image: a base64 `data:` URL (or plain base64). */
  image?: string;
  /** Start from the previous shot's last frame (targets with image input only). */
  continue?: boolean;
  seed?: number;
}

export interface StoryboardCreateParams {
  name?: string;
  fps?: number;
  size?: string;
  /** The model or route of every shot that names none. */
  model?: string;
  /** 1–100 shots, rendered in order. */
  shots: StoryboardShotParams[];
}

export interface StoryboardShot {
  index: number;
  prompt: string;
  seconds: string | null;
  /** The model the shot was planned on (a route: its chosen target). */
  model: string;
  continue: boolean;
  seed: number | null;
  video_id: string | null;
  /** `pending` until its video exists; then the video's status. */
  status: 'pending' | 'queued' | 'in_progress' | 'completed' | 'failed' | 'deleted';
  estimate_usd: string;
  scores: VideoScoresSummary | null;
}

/** The temporal score of one cut: shot `between[0]`'s last frame against the next one's first. */
export interface StoryboardSeam {
  between: [number, number];
  ssim: number;
  flicker: number;
  histogram_distance: number;
  luma_step: number;
  cut: boolean;
}

export interface StoryboardStitched {
  url: string;
  sha256: string;
  bytes: number;
  /** `copy`: shots joined as they are; `reencode`: `reencoded_shots` were normalised first. */
  mode: 'copy' | 'reencode';
  reencoded_shots: number[];
  frames: number;
  duration_seconds: number | null;
  size: string;
  /** Exact, e.g. `24/1` or `30000/1001`. */
  rate: string;
}

export interface Storyboard {
  id: string;
  object: 'storyboard';
  name: string | null;
  status: StoryboardStatus;
  created_at: number;
  completed_at: number | null;
  model: string | null;
  size: string | null;
  fps: number | null;
  shots: StoryboardShot[];
  cost: { estimate_usd: string; settled_usd: string | null };
  stitched: StoryboardStitched | null;
  seams: StoryboardSeam[] | null;
  sequence_id: string | null;
  error: { code: string; message: string; shot: number | null } | null;
}

export interface StoryboardList {
  object: 'list';
  data: Storyboard[];
  has_more: boolean;
  first_id: string | null;
  last_id: string | null;
}

export interface StoryboardEstimate {
  object: 'storyboard.estimate';
  shots: {
    index: number;
    model: string;
    provider: string;
    route: string | null;
    seconds: string;
    size: string;
    estimate_usd: string;
    warnings: VideoWarning[];
  }[];
  cost: { estimate_usd: string };
}
