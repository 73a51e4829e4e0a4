import { pathToFileURL } from 'node:url';
import type { SequenceRecord } from '../db/sequences-repository.js';
import type { VideoRecord } from '../db/video-record.js';
import type { CompletedVideoMedia } from '../generation/completed-video-media.js';
import type { Timeline, TimelineClip, TimelineMedia } from '../timeline/timeline-model.js';
import { mediaStems } from './media-names.js';
import { startFrameOf } from './start-timecode.js';

/**
 * `absolute`: each clip points at the stored blob by `file://` URL (an export read on the
 * gateway's own machine). `package`: at `media/<name>.mp4` beside the timeline file.
 */
export type MediaLocations = 'absolute' | 'package';

export interface TimelineSources {
  sequence: SequenceRecord;
  /** Every clip's video and media; the caller has refused a sequence with a clip missing. */
  videos: ReadonlyMap<string, VideoRecord>;
  media: ReadonlyMap<string, CompletedVideoMedia>;
  /** Ratings by video id, where there are any. */
  ratings?: ReadonlyMap<string, number>;
}

function required<Value>(map: ReadonlyMap<string, Value>, id: string): Value {
  const value = map.get(id);
  if (value == null) throw new Error(`no media for ${id}: check availability before building`);
  return value;
}

/** The gateway's facts about a clip's video, kept by every format that has room for them. */
function clipMetadata(video: VideoRecord, rating: number | undefined): Record<string, unknown> {
  return {
    generation_id: video.id,
    prompt: video.prompt,
    model: video.model,
    provider: video.provider,
    seed: video.seed,
    ...(rating != null ? { rating } : {}),
  };
}

/** The Timeline model of a sequence: one media entry per video, clips in record order. */
export function buildTimeline(sources: TimelineSources, locations: MediaLocations): Timeline {
  const { sequence } = sources;
  const ids = sequence.clips.map((clip) => clip.videoId);
  const stems = mediaStems(ids, sources.videos);
  const mediaByVideo = new Map<string, TimelineMedia>();
  for (const id of ids) {
    if (mediaByVideo.has(id)) continue;
    const media = required(sources.media, id);
    const fileName = `${stems.get(id) ?? id}.mp4`;
    mediaByVideo.set(id, {
      id: `media-${mediaByVideo.size + 1}`,
      fileName,
      location: locations === 'package' ? `media/${fileName}` : pathToFileURL(media.path).href,
      rate: media.rate,
      frames: media.frames,
      width: media.width,
      height: media.height,
      hasAudio: media.hasAudio,
    });
  }
  const clips: TimelineClip[] = sequence.clips.map((clip) => ({
    name: stems.get(clip.videoId) ?? clip.videoId,
    media: required(mediaByVideo, clip.videoId),
    sourceIn: clip.in,
    sourceOut: clip.out,
    track: clip.track,
    metadata: clipMetadata(
      required(sources.videos, clip.videoId),
      sources.ratings?.get(clip.videoId),
    ),
  }));
  return {
    name: sequence.name,
    rate: sequence.rate,
    timecode: sequence.timecode,
    width: sequence.width,
    height: sequence.height,
    startFrame: startFrameOf(sequence.startTimecode, sequence),
    clips,
  };
}
