import { GatewayError, InvalidRequestError } from '@vgw/spec';
import { findClipVideos } from '../db/sequences-repository.js';
import type { VideoRecord } from '../db/video-record.js';
import type { TimelineSources } from './build-timeline.js';
import { mediaOfSequences, requireSequence } from './read-sequences.js';
import type { SequenceDeps } from './sequence-deps.js';

/**
 * A sequence and everything its clips point at, or a clear refusal: an empty cut is a 400, and a
 * clip whose video was deleted since (or lost its file) a 409 naming it, rather than a timeline
 * pointing at nothing.
 */
export async function loadExportSources(
  deps: SequenceDeps,
  projectId: string,
  id: string,
): Promise<TimelineSources> {
  const sequence = await requireSequence(deps, projectId, id);
  if (sequence.clips.length === 0) {
    throw new InvalidRequestError(
      `sequence ${id} has no clips to export`,
      'clips',
      'sequence_empty',
    );
  }
  const ids = sequence.clips.map((clip) => clip.videoId);
  const [found, media] = await Promise.all([
    findClipVideos(deps.database, projectId, ids),
    mediaOfSequences(deps, [sequence]),
  ]);
  const videos = new Map<string, VideoRecord>();
  sequence.clips.forEach((clip, index) => {
    const video = found.get(clip.videoId);
    if (video == null || video.deleted || !media.has(clip.videoId)) {
      const param = `clips[${index}].video_id`;
      throw new GatewayError(
        `${param}: video "${clip.videoId}" was deleted or lost its file after it was cut in; replace or remove clip ${index} (PATCH the sequence's clips) and export again`,
        { status: 409, code: 'clip_unavailable', param },
      );
    }
    videos.set(clip.videoId, video);
  });
  return { sequence, videos, media };
}
