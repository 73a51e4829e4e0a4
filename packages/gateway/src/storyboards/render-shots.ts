import { GatewayError, InvalidRequestError } from '@vgw/spec';
import sharp from 'sharp';
import type { StoredShot, StoryboardRecord } from '../db/storyboard-record.js';
import { findShotVideos, type ShotVideo } from '../db/storyboards-repository.js';
import {
  failStoryboard,
  recordShotVideo,
  waitForShots,
} from '../db/storyboard-transitions-repository.js';
import { completedVideoMedia } from '../generation/completed-video-media.js';
import { createVideo } from '../generation/create-video.js';
import { scopeToShot } from './shot-errors.js';
import { decodeShotFrame } from './shot-frames.js';
import { settledCost } from './settled-cost.js';
import type { StoryboardWorkerDeps } from './storyboard-deps.js';

export type RenderOutcome = 'waiting' | 'ready' | 'ended';

/** The key a shot's video is created under: a repeated pass gets the same video back. */
export function shotIdempotencyKey(storyboardId: string, index: number): string {
  return `storyboard:${storyboardId}:shot:${index}`;
}

/** The previous shot's last frame, as the PNG a continued shot is given as its input image. */
async function lastFramePng(deps: StoryboardWorkerDeps, videoId: string): Promise<Uint8Array> {
  const media = (await completedVideoMedia(deps, [videoId])).get(videoId);
  if (media == null) throw new Error(`video ${videoId} is completed but has no stored file`);
  const frame = await decodeShotFrame(deps.ffmpegPath, media.path, {
    which: 'last',
    width: media.width,
    height: media.height,
  });
  const raw = { width: frame.width, height: frame.height, channels: 3 as const };
  return new Uint8Array(await sharp(frame.data, { raw }).png().toBuffer());
}

async function shotImage(
  deps: StoryboardWorkerDeps,
  shot: StoredShot,
  previous: ShotVideo | undefined,
): Promise<Uint8Array | null> {
  if (shot.continues) return lastFramePng(deps, (previous as ShotVideo).videoId);
  if (shot.image == null) return null;
  if ((await deps.store.size(shot.image.sha256)) == null) {
    // Gone from storage (removed with a deleted video that shared it): no retry brings it back.
    throw new InvalidRequestError('the stored input image is no longer in storage', 'image');
  }
  const chunks: Buffer[] = [];
  for await (const chunk of deps.store.openRead(shot.image.sha256)) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

async function createShot(
  deps: StoryboardWorkerDeps,
  storyboard: StoryboardRecord,
  index: number,
  previous: ShotVideo | undefined,
): Promise<string> {
  const { spec } = storyboard;
  const shot = spec.shots[index] as StoredShot;
  const video = await createVideo(deps, {
    projectId: storyboard.projectId,
    apiKeyId: storyboard.apiKeyId,
    idempotencyKey: shotIdempotencyKey(storyboard.id, index),
    input: {
      prompt: shot.prompt,
      model: shot.model ?? spec.model,
      seconds: shot.seconds,
      size: spec.size,
      fps: spec.fps,
      seed: shot.seed,
      inputReference: await shotImage(deps, shot, previous),
      providerOptions: {},
      remixedFromVideoId: null,
    },
  });
  return video.id;
}

/** A refusal the request itself earns (4xx) ends the storyboard; anything else is retried. */
function isRefusal(error: unknown): error is GatewayError {
  return error instanceof GatewayError && error.status < 500 && !error.retryable;
}

function failedShot(videos: ShotVideo[]): ShotVideo | undefined {
  return videos.find((video) => video.status === 'failed' || video.status === 'deleted');
}

async function fail(
  deps: StoryboardWorkerDeps,
  fence: { id: string; workerId: string },
  failure: { code: string; message: string; shot: number },
): Promise<RenderOutcome> {
  const videos = await findShotVideos(deps.database, fence.id);
  await failStoryboard(deps.database, { ...fence, failure, settledMicroUsd: settledCost(videos) });
  return 'ended';
}

/**
 * One pass over a storyboard's shots: a failed shot fails it (no further shot starts); every
 * shot that may start now gets its video (independent shots at once, a continued shot once the
 * one before it completed); then either all are completed (`ready`) or it waits for them.
 */
export async function renderShots(
  deps: StoryboardWorkerDeps,
  storyboard: StoryboardRecord,
  workerId: string,
): Promise<RenderOutcome> {
  const fence = { id: storyboard.id, workerId };
  const videos = await findShotVideos(deps.database, storyboard.id);
  const failed = failedShot(videos);
  if (failed != null) {
    const why =
      failed.status === 'deleted'
        ? 'was deleted'
        : `failed: ${failed.error?.code ?? 'unknown'}: ${failed.error?.message ?? ''}`;
    return fail(deps, fence, {
      code: 'shot_failed',
      message: `shot ${failed.index} (video ${failed.videoId}) ${why}`,
      shot: failed.index,
    });
  }
  const byIndex = new Map(videos.map((video) => [video.index, video]));
  for (const [index, shot] of storyboard.spec.shots.entries()) {
    if (byIndex.has(index)) continue;
    const previous = byIndex.get(index - 1);
    if (shot.continues && previous?.status !== 'completed') continue;
    try {
      const videoId = await createShot(deps, storyboard, index, previous);
      if (!(await recordShotVideo(deps.database, { ...fence, index, videoId }))) return 'ended';
      byIndex.set(index, { index, videoId, status: 'queued', error: null, actualMicroUsd: null });
    } catch (error) {
      if (!isRefusal(error)) throw error;
      scopeToShot(error, index, shot.continues);
      return fail(deps, fence, { code: error.code, message: error.message, shot: index });
    }
  }
  const all = [...byIndex.values()];
  if (
    all.length === storyboard.spec.shots.length &&
    all.every((video) => video.status === 'completed')
  ) {
    return 'ready';
  }
  const seen = all.map((video) => ({ index: video.index, status: video.status }));
  await waitForShots(deps.database, { ...fence, seen, recheckSeconds: deps.recheckSeconds });
  return 'waiting';
}
