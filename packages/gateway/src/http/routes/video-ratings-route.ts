import { InvalidRequestError, NotFoundError } from '@vgw/spec';
import type { Context } from 'hono';
import { listRatings, ratingSummaries, upsertRating } from '../../db/ratings-repository.js';
import type { VideoRecord } from '../../db/video-record.js';
import { findVideo } from '../../db/videos-repository.js';
import type { AppDeps, AppEnv } from '../app-deps.js';
import { parseJsonBody } from '../openai/json-body.js';
import {
  createRatingBodySchema,
  toRatingObject,
  toRatingsSummary,
  type VideoRatingsSummary,
} from '../openai/video-ratings.js';
import { videoIdParam } from './video-id-param.js';

/** The `ratings` summaries of a page of videos, in one query; absent where nobody rated. */
export async function ratingsSummaries(
  deps: AppDeps,
  videos: readonly VideoRecord[],
): Promise<Map<string, VideoRatingsSummary>> {
  const summaries = await ratingSummaries(
    deps.database,
    videos.map((video) => video.id),
  );
  return new Map([...summaries].map(([id, summary]) => [id, toRatingsSummary(summary)]));
}

async function requireVideo(deps: AppDeps, context: Context<AppEnv>): Promise<VideoRecord> {
  const id = videoIdParam(context);
  const video = await findVideo(deps.database, context.get('projectId'), id);
  if (video == null) throw new NotFoundError(`no video with id "${id}"`, 'video_id');
  return video;
}

/**
 * `POST /v1/videos/{id}/ratings`: the key's rating, created or replaced. Only a completed video
 * can be rated: a rating judges an output, and a queued or failed video has none to look at
 * (a failed post-check removed its files), nor could it ever enter a dataset.
 */
export async function rateVideo(deps: AppDeps, context: Context<AppEnv>): Promise<Response> {
  const video = await requireVideo(deps, context);
  const body = await parseJsonBody(context, createRatingBodySchema);
  if (video.status !== 'completed') {
    throw new InvalidRequestError(
      `video ${video.id} is ${video.status}; only a completed video can be rated`,
      'video_id',
      'video_not_ready',
    );
  }
  const rating = await upsertRating(deps.database, {
    videoId: video.id,
    apiKeyId: context.get('apiKeyId'),
    score: body.score,
    tags: body.tags ?? [],
    note: body.note ?? null,
  });
  return context.json(toRatingObject(rating));
}

/** `GET /v1/videos/{id}/ratings`: every key's rating of the video, oldest first. */
export async function serveVideoRatings(
  deps: AppDeps,
  context: Context<AppEnv>,
): Promise<Response> {
  const video = await requireVideo(deps, context);
  const ratings = await listRatings(deps.database, video.id);
  return context.json({ object: 'list', data: ratings.map(toRatingObject) });
}
