import { z } from 'zod';
import type { VideoScoreRecord } from '../../db/video-scores-repository.js';
import { scoreResultSchema, type ScoreResult } from '../../quality/score-result.js';

/** What a stored score row says without its per-frame arrays (read back, so validated). */
const storedSummarySchema = scoreResultSchema.omit({ perFrame: true });

/** The additive `scores` field of the video object: headline numbers, no per-frame arrays. */
export const videoScoresSummarySchema = z.object({
  /** The temporal stability index, 0–100; read it next to `dynamic_degree`. */
  index: z.number().min(0).max(100),
  dynamic_degree: z.object({
    dynamic: z.boolean(),
    moving_pair_fraction: z.number(),
    mean_top_motion: z.number(),
  }),
  metrics: z.object({
    vbench_flicker: z.number(),
    vbench_static: z.boolean(),
    warping_error: z.number(),
    motion_smoothness: z.number().nullable(),
    camera_jitter: z.number().nullable(),
    luma_flicker: z.number().nullable(),
    consecutive_ssim: z.number(),
    frozen_fraction: z.number(),
    longest_freeze_frames: z.number().int(),
    scene_cuts: z.number().int(),
    drift_end_ssim: z.number(),
    drift_end_histogram_distance: z.number(),
  }),
  scored_at: z.number().int(),
});

export type VideoScoresSummary = z.infer<typeof videoScoresSummarySchema>;

export const videoScoresStatusSchema = z.enum([
  'pending',
  'running',
  'completed',
  'failed',
  'disabled',
]);

/** `GET /v1/videos/{id}/scores`. */
export const videoScoresObjectSchema = z.object({
  object: z.literal('video.scores'),
  video_id: z.string(),
  status: videoScoresStatusSchema,
  result: scoreResultSchema.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});

export type VideoScoresObject = z.infer<typeof videoScoresObjectSchema>;

/** Maps a stored result (per-frame arrays optional) to the summary; null if it does not parse. */
export function toScoresSummary(stored: unknown, scoredAt: Date): VideoScoresSummary | null {
  const parsed = storedSummarySchema.safeParse(stored);
  if (!parsed.success) return null;
  const { metrics, dynamicDegree, index } = parsed.data;
  return {
    index: index.value,
    dynamic_degree: {
      dynamic: dynamicDegree.dynamic,
      moving_pair_fraction: dynamicDegree.movingPairFraction,
      mean_top_motion: dynamicDegree.meanTopMotion,
    },
    metrics: {
      vbench_flicker: metrics.vbenchFlicker.value,
      vbench_static: metrics.vbenchFlicker.staticGate.isStatic,
      warping_error: metrics.warpingError,
      motion_smoothness: metrics.motionSmoothness,
      camera_jitter: metrics.cameraJitter,
      luma_flicker: metrics.lumaFlicker,
      consecutive_ssim: metrics.consecutiveSsim,
      frozen_fraction: metrics.freeze.frozenFraction,
      longest_freeze_frames: metrics.freeze.longestRun,
      scene_cuts: metrics.sceneCuts.length,
      drift_end_ssim: metrics.drift.endSsim,
      drift_end_histogram_distance: metrics.drift.endHistogramDistance,
    },
    scored_at: Math.floor(scoredAt.getTime() / 1000),
  };
}

function statusOf(
  score: VideoScoreRecord | null,
  scoringEnabled: boolean,
): VideoScoresObject['status'] {
  if (score == null || score.status === 'queued') return scoringEnabled ? 'pending' : 'disabled';
  return score.status;
}

/**
 * The `/scores` answer. No row: "pending" while scoring is on (the video is not completed yet),
 * else "disabled". A queued row keeps the last attempt's error while its retry waits.
 */
export function toVideoScoresObject(
  videoId: string,
  score: VideoScoreRecord | null,
  scoringEnabled: boolean,
): VideoScoresObject {
  let result: ScoreResult | null = null;
  let status: VideoScoresObject['status'] = statusOf(score, scoringEnabled);
  let error =
    score?.errorCode != null
      ? { code: score.errorCode, message: score.errorMessage ?? score.errorCode }
      : null;
  if (score?.status === 'completed') {
    const parsed = scoreResultSchema.safeParse(score.result);
    if (parsed.success) result = parsed.data;
    else {
      status = 'failed';
      error = { code: 'unreadable_result', message: 'the stored score does not parse' };
    }
  }
  return { object: 'video.scores', video_id: videoId, status, result, error };
}
