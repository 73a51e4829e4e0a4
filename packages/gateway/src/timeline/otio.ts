import { fileStem } from './clip-warnings.js';
import { mediaPath, mediaUrl } from './media-url.js';
import type { FrameRate, SerializedTimeline, Timeline, TimelineClip } from './timeline-model.js';

export interface OtioOptions {
  /**
   * `url` (default): `file:///…` as OTIO's adapters write. `path`: the plain decoded path, which
   * third-party notes say Resolve on Windows prefers; settle with a real import.
   */
  targetUrlStyle?: 'url' | 'path';
}

/** The rate as OTIO's double (`24000/1001` is 23.976023976023978, the same in JS and Python). */
function rationalTime(value: number, rate: FrameRate) {
  return { OTIO_SCHEMA: 'RationalTime.1', rate: rate.numerator / rate.denominator, value };
}

function timeRange(start: number, duration: number, rate: FrameRate) {
  return {
    OTIO_SCHEMA: 'TimeRange.1',
    start_time: rationalTime(start, rate),
    duration: rationalTime(duration, rate),
  };
}

/** The fields every OTIO item carries, in the order OTIO writes them. */
function itemFields(name: string) {
  return { metadata: {}, name, source_range: null, effects: [], markers: [], enabled: true };
}

function clipObject(clip: TimelineClip, options: OtioOptions) {
  const { media } = clip;
  const target =
    options.targetUrlStyle === 'path' ? mediaPath(media.location) : mediaUrl(media.location);
  return {
    OTIO_SCHEMA: 'Clip.2',
    // Gateway data sits under its own namespace, as the OTIO spec asks of metadata.
    metadata: Object.keys(clip.metadata).length > 0 ? { ai_gateway: clip.metadata } : {},
    name: clip.name,
    // Media time: the used range in the file's own frames and rate; OTIO places the clip on
    // the track by summing durations, so no record position is written.
    source_range: timeRange(clip.sourceIn, clip.sourceOut - clip.sourceIn, media.rate),
    effects: [],
    markers: [],
    enabled: true,
    media_references: {
      DEFAULT_MEDIA: {
        OTIO_SCHEMA: 'ExternalReference.1',
        metadata: {},
        name: media.fileName,
        available_range: timeRange(0, media.frames, media.rate),
        available_image_bounds: null,
        target_url: target,
      },
    },
    active_media_reference_key: 'DEFAULT_MEDIA',
  };
}

/** JSON cannot hold bigints or non-finite numbers; metadata is free-form, so fold them. */
function jsonSafe(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

/** Clip names default to the file stem in OTIO readers; we always write ours. */
function otioClipName(clip: TimelineClip): string {
  return clip.name !== '' ? clip.name : fileStem(clip.media.fileName);
}

/**
 * The timeline as OTIO JSON (`.otio`): Timeline.1 → Stack.1 → one Track.1 per video track →
 * Clip.2 with an ExternalReference. Per-clip rates are native to OTIO, so nothing is warned.
 */
export function serializeOtio(timeline: Timeline, options: OtioOptions = {}): SerializedTimeline {
  const trackNumbers = [...new Set(timeline.clips.map((clip) => clip.track))].sort((a, b) => a - b);
  const tracks = trackNumbers.map((track) => ({
    OTIO_SCHEMA: 'Track.1',
    ...itemFields(`V${track}`),
    kind: 'Video',
    children: timeline.clips
      .filter((clip) => clip.track === track)
      .map((clip) => clipObject({ ...clip, name: otioClipName(clip) }, options)),
  }));
  const document = {
    OTIO_SCHEMA: 'Timeline.1',
    metadata: { ai_gateway: { export_version: 1 } },
    name: timeline.name,
    global_start_time: rationalTime(timeline.startFrame, timeline.rate),
    tracks: { OTIO_SCHEMA: 'Stack.1', ...itemFields('tracks'), children: tracks },
  };
  return { body: `${JSON.stringify(document, jsonSafe, 4)}\n`, warnings: [] };
}
