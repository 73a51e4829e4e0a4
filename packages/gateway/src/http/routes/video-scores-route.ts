import { ConflictError, InvalidRequestError, NotFoundError } from '@vgw/spec';
import type { Context } from 'hono';
import { findVideoScore, requeueScore } from '../../db/video-scores-repository.js';
import type { VideoRecord } from '../../db/video-record.js';
import { findVideo } from '../../db/videos-repository.js';
import type { AppDeps, AppEnv } from '../app-deps.js';
import { scoresSummaryCacheOf } from '../openai/scores-summary-cache.js';
import { toVideoScoresObject, type VideoScoresSummary } from '../openai/video-scores.js';
import { videoIdParam } from './video-id-param.js';

/** The `scores` summaries of these videos, by id; absent where a video is not scored. */
export async function scoresSummaries(
  deps: AppDeps,
  videos: readonly VideoRecord[],
): Promise<Map<string, VideoScoresSummary>> {
  const completed = videos.filter((video) => video.status === 'completed');
  return scoresSummaryCacheOf(deps.database).summaries(completed.map((video) => video.id));
}

/** `GET /v1/videos/{id}/scores`: the full result with per-frame arrays, or where it stands. */
export async function serveVideoScores(deps: AppDeps, context: Context<AppEnv>) {
  const id = videoIdParam(context);
  const video = await findVideo(deps.database, context.get('projectId'), id);
  if (video == null) throw new NotFoundError(`no video with id "${id}"`, 'video_id');
  const score = await findVideoScore(deps.database, id);
  return context.json(toVideoScoresObject(id, score, deps.scoringEnabled === true));
}

/**
 * `POST /v1/videos/{id}/scores`: scores the video again when its score failed (or it has none);
 * answers the score's state either way (202 when queued now, 200 when it already stands).
 */
export async function requeueVideoScores(deps: AppDeps, context: Context<AppEnv>) {
  const id = videoIdParam(context);
  const video = await findVideo(deps.database, context.get('projectId'), id);
  if (video == null) throw new NotFoundError(`no video with id "${id}"`, 'video_id');
  if (deps.scoringEnabled !== true) {
    throw new ConflictError('scoring is disabled on this gateway (scoring.enabled)', 'video_id');
  }
  if (video.status !== 'completed') {
    throw new InvalidRequestError(
      `video ${id} is ${video.status}; only a completed video can be scored`,
      'video_id',
      'video_not_ready',
    );
  }
  const queued = await requeueScore(deps.database, id);
  const score = await findVideoScore(deps.database, id);
  return context.json(toVideoScoresObject(id, score, true), queued ? 202 : 200);
}
