import type { VideoFailure } from '@vgw/spec';
import { formatUsd } from '../../cost/money.js';
import type { VideoAttemptRecord } from '../../db/video-attempts-repository.js';
import type { VideoRecord } from '../../db/video-record.js';
import type { VideoRatingsSummary } from './video-ratings.js';
import type { VideoScoresSummary } from './video-scores.js';
import type { VideoListObject, VideoObject } from './video-wire-schema.js';

const unixSeconds = (date: Date | null) =>
  date != null ? Math.floor(date.getTime() / 1000) : null;

/** The wire video; its type is the wire schema's, so a field the schema lacks does not compile. */
export function toVideoObject(
  video: VideoRecord,
  extras: {
    scores: VideoScoresSummary | null;
    attempts: VideoAttemptRecord[];
    ratings: VideoRatingsSummary | null;
  },
): VideoObject {
  return {
    id: video.id,
    object: 'video',
    model: video.route ?? video.model,
    status: video.status,
    progress: video.progress,
    created_at: unixSeconds(video.createdAt) as number,
    completed_at: unixSeconds(video.completedAt),
    expires_at: unixSeconds(video.expiresAt),
    prompt: video.prompt,
    seconds: String(video.seconds),
    size: video.size,
    remixed_from_video_id: video.remixedFromVideoId,
    error: errorOf(video.error),
    provider: video.provider,
    fps: video.fps,
    seed: video.seed,
    warnings: video.warnings,
    cost: costOf(video),
    attempts: extras.attempts.map((attempt) => ({
      model: attempt.model,
      provider: attempt.provider,
      status: attempt.status,
      error: errorOf(attempt.error),
      cost_usd: attempt.costMicroUsd != null ? formatUsd(attempt.costMicroUsd) : null,
    })),
    scores: extras.scores,
    provenance: video.provenance != null ? { c2pa: video.provenance } : null,
    ratings: extras.ratings,
  };
}

function errorOf(error: VideoFailure | null): VideoObject['error'] {
  if (error == null) return null;
  return {
    code: error.code,
    message: error.message,
    ...(error.param != null ? { param: error.param } : {}),
  };
}

function costOf(video: VideoRecord): VideoObject['cost'] {
  if (video.estimateMicroUsd == null || video.costBasis == null) return null;
  return {
    estimate_usd: formatUsd(video.estimateMicroUsd),
    actual_usd: video.actualMicroUsd != null ? formatUsd(video.actualMicroUsd) : null,
    basis: video.costBasis,
  };
}

/** One page of `GET /v1/videos`; the cursors are the page's own first and last ids. */
export function toVideoListObject(data: VideoObject[], hasMore: boolean): VideoListObject {
  return {
    object: 'list',
    data,
    has_more: hasMore,
    first_id: data[0]?.id ?? null,
    last_id: data.at(-1)?.id ?? null,
  };
}
