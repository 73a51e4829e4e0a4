import { InvalidRequestError } from '@vgw/spec';
import { findClipVideos, type SequenceClip } from '../db/sequences-repository.js';
import {
  completedVideoMedia,
  type CompletedVideoMedia,
} from '../generation/completed-video-media.js';
import type { SequenceDeps } from './sequence-deps.js';

/** A clip as a caller gives it: a completed video, optionally trimmed, on a track (from 1). */
export interface ClipInput {
  videoId: string;
  in?: number;
  out?: number;
  track?: number;
}

/** Enough for a 1,000-shot cut with room to spare, and a bound on one request's work. */
export const maxClips = 5000;
const maxTrack = 99;

function checkWhole(value: number | undefined, param: string, minimum: number, maximum: number) {
  if (value == null) return;
  if (!Number.isSafeInteger(value) || value < minimum || value > maximum) {
    throw new InvalidRequestError(
      `${param} must be a whole number from ${minimum} to ${maximum}, not ${value}`,
      param,
    );
  }
}

function checkShapes(clips: readonly ClipInput[], offset: number): void {
  clips.forEach((clip, index) => {
    const at = `clips[${index + offset}]`;
    if (typeof clip.videoId !== 'string' || !/^[A-Za-z0-9_-]{1,128}$/.test(clip.videoId)) {
      throw new InvalidRequestError(`${at}.video_id must be a video id`, `${at}.video_id`);
    }
    checkWhole(clip.in, `${at}.in`, 0, Number.MAX_SAFE_INTEGER);
    checkWhole(clip.out, `${at}.out`, 1, Number.MAX_SAFE_INTEGER);
    checkWhole(clip.track, `${at}.track`, 1, maxTrack);
  });
}

/** Unknown, another project's, deleted, unfinished or fileless: each said with its own code. */
async function requireUsableVideos(
  deps: SequenceDeps,
  projectId: string,
  clips: readonly ClipInput[],
  offset: number,
): Promise<Map<string, CompletedVideoMedia>> {
  const ids = clips.map((clip) => clip.videoId);
  const videos = await findClipVideos(deps.database, projectId, ids);
  const media = await completedVideoMedia(deps, [...new Set(ids)]);
  clips.forEach((clip, index) => {
    const param = `clips[${index + offset}].video_id`;
    const video = videos.get(clip.videoId);
    const refuse = (why: string, code: string): never => {
      throw new InvalidRequestError(`${param}: video "${clip.videoId}" ${why}`, param, code);
    };
    // Another project's video answers as an unknown one: ids are not shared across projects.
    if (video == null) refuse('does not exist in this project', 'video_not_found');
    else if (video.deleted) refuse('was deleted', 'video_deleted');
    else if (video.status !== 'completed') {
      refuse(`is ${video.status}; only completed videos can be cut in`, 'video_not_completed');
    } else if (!media.has(clip.videoId)) refuse('has no stored MP4', 'video_not_completed');
  });
  return media;
}

/**
 * Checks clips against their videos and fills in the defaults: the whole video on V1. Errors name
 * `clips[i]…` counting from `offset`, the index the clip will have in the sequence.
 */
export async function resolveClips(
  deps: SequenceDeps,
  projectId: string,
  clips: readonly ClipInput[],
  offset = 0,
): Promise<{ clips: SequenceClip[]; media: Map<string, CompletedVideoMedia> }> {
  checkShapes(clips, offset);
  const media = await requireUsableVideos(deps, projectId, clips, offset);
  const resolved = clips.map((clip, index) => {
    const at = `clips[${index + offset}]`;
    const frames = media.get(clip.videoId)?.frames ?? 0;
    const sourceIn = clip.in ?? 0;
    const sourceOut = clip.out ?? frames;
    if (sourceIn >= frames) {
      throw new InvalidRequestError(
        `${at}.in ${sourceIn} is past the video's last frame (${frames - 1}; it has ${frames} frames)`,
        `${at}.in`,
      );
    }
    if (sourceOut > frames) {
      throw new InvalidRequestError(
        `${at}.out ${sourceOut} is past the video's end (it has ${frames} frames; out is exclusive)`,
        `${at}.out`,
      );
    }
    if (sourceOut <= sourceIn) {
      throw new InvalidRequestError(
        `${at}.out ${sourceOut} must be after in ${sourceIn} (out is exclusive)`,
        `${at}.out`,
      );
    }
    return { videoId: clip.videoId, in: sourceIn, out: sourceOut, track: clip.track ?? 1 };
  });
  return { clips: resolved, media };
}

/** A cut has at least one clip and at most `maxClips`: an empty sequence exports nothing. */
export function checkClipCount(count: number, param = 'clips'): void {
  if (count === 0) {
    throw new InvalidRequestError('a sequence needs at least one clip', param, 'sequence_empty');
  }
  if (count > maxClips) {
    throw new InvalidRequestError(`a sequence holds at most ${maxClips} clips`, param);
  }
}
