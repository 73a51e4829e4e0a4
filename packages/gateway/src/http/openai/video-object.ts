import type { VideoWarning } from '@vgw/spec';
import type { VideoRecord } from '../../db/video-record.js';
import type { VideoScoresSummary } from './video-scores.js';

/** OpenAI's Video object, plus vgw's additive fields (never a changed OpenAI field). */
export interface VideoObject {
  id: string;
  object: 'video';
  model: string;
  status: VideoRecord['status'];
  progress: number;
  created_at: number;
  completed_at: number | null;
  expires_at: number | null;
  prompt: string;
  seconds: string;
  size: string;
  remixed_from_video_id: string | null;
  error: { code: string; message: string; param?: string } | null;
  provider: string;
  fps: number;
  seed: number | null;
  warnings: VideoWarning[];
  /** Temporal-stability summary once the video is scored; null until then (or if never). */
  scores: VideoScoresSummary | null;
}

const unixSeconds = (date: Date | null) =>
  date != null ? Math.floor(date.getTime() / 1000) : null;

export function toVideoObject(
  video: VideoRecord,
  scores: VideoScoresSummary | null = null,
): VideoObject {
  const error =
    video.error != null
      ? {
          code: video.error.code,
          message: video.error.message,
          ...(video.error.param != null ? { param: video.error.param } : {}),
        }
      : null;
  return {
    id: video.id,
    object: 'video',
    model: video.model,
    status: video.status,
    progress: video.progress,
    created_at: unixSeconds(video.createdAt) as number,
    completed_at: unixSeconds(video.completedAt),
    expires_at: unixSeconds(video.expiresAt),
    prompt: video.prompt,
    seconds: String(video.seconds),
    size: video.size,
    remixed_from_video_id: video.remixedFromVideoId,
    error,
    provider: video.provider,
    fps: video.fps,
    seed: video.seed,
    warnings: video.warnings,
    scores,
  };
}
