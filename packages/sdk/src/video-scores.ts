/** Types of vgw's temporal-stability scores (`scores` on a video, `GET /videos/{id}/scores`). */

/** The headline numbers on the video object; per-frame series are only in `retrieveScores`. */
export interface VideoScoresSummary {
  /** Temporal stability index 0–100; read it next to `dynamic_degree` (a frozen clip scores high). */
  index: number;
  dynamic_degree: {
    dynamic: boolean;
    moving_pair_fraction: number;
    mean_top_motion: number;
  };
  metrics: {
    vbench_flicker: number;
    vbench_static: boolean;
    warping_error: number;
    motion_smoothness: number | null;
    camera_jitter: number | null;
    luma_flicker: number | null;
    consecutive_ssim: number;
    frozen_fraction: number;
    longest_freeze_frames: number;
    scene_cuts: number;
    drift_end_ssim: number;
    drift_end_histogram_distance: number;
  };
  /** Unix seconds. */
  scored_at: number;
}

/** The gateway's full ScoreResult (camelCase, as the metrics module writes it; see docs/quality.md). */
export interface VideoScoreResult {
  version: number;
  index: {
    value: number;
    components: Record<string, number | null>;
    weights: Record<string, number>;
  };
  dynamicDegree: { dynamic: boolean; movingPairFraction: number; meanTopMotion: number } & Record<
    string,
    unknown
  >;
  metrics: Record<string, unknown>;
  /** Series per metric, one value per frame or per pair of frames. */
  perFrame: Record<string, number[]>;
  analysis: {
    frames: number;
    fps: number;
    durationSeconds: number | null;
    elapsedSeconds: number;
  } & Record<string, unknown>;
}

export type VideoScoresStatus = 'pending' | 'running' | 'completed' | 'failed' | 'disabled';

/** `client.videos.retrieveScores(id)`. */
export interface VideoScores {
  object: 'video.scores';
  video_id: string;
  status: VideoScoresStatus;
  result: VideoScoreResult | null;
  error: { code: string; message: string } | null;
}
