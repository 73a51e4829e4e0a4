import { InvalidRequestError } from '@vgw/spec';
import { serializeEdl, type EdlOptions } from './edl.js';
import { FCPXML_VERSIONS } from './fcpxml-resources.js';
import { serializeFcpxml, type FcpxmlOptions } from './fcpxml.js';
import { assertTimecodeMode, findSupportedRate } from './frame-rate.js';
import { serializeOtio, type OtioOptions } from './otio.js';
import { assertTimelineClips } from './record-frames.js';
import type { SerializedTimeline, Timeline } from './timeline-model.js';
import { serializeXmeml } from './xmeml.js';

export type TimelineFormat = 'fcpxml' | 'xmeml' | 'edl' | 'otio';

export const TIMELINE_FORMATS: readonly TimelineFormat[] = ['fcpxml', 'xmeml', 'edl', 'otio'];

export type SerializeTimelineOptions = FcpxmlOptions & EdlOptions & OtioOptions;

export interface TimelineDocument extends SerializedTimeline {
  format: TimelineFormat;
  /** With the dot: `.fcpxml`, `.xml`, `.edl`, `.otio`. */
  extension: string;
  mediaType: string;
}

/**
 * None of the four has a registered media type: XML and JSON ones are served as what they are,
 * an EDL as plain ASCII text.
 */
const fileTypes: Record<TimelineFormat, { extension: string; mediaType: string }> = {
  fcpxml: { extension: '.fcpxml', mediaType: 'application/xml; charset=utf-8' },
  xmeml: { extension: '.xml', mediaType: 'application/xml; charset=utf-8' },
  edl: { extension: '.edl', mediaType: 'text/plain; charset=us-ascii' },
  otio: { extension: '.otio', mediaType: 'application/json; charset=utf-8' },
};

/** Refuses what no format can write: an unsupported rate, DF off 29.97/59.94, bad clip ranges. */
export function assertSerializableTimeline(timeline: Timeline): void {
  if (findSupportedRate(timeline.rate) == null) {
    throw new InvalidRequestError(
      `Timeline rate ${timeline.rate.numerator}/${timeline.rate.denominator} is not supported: use 23.976, 24, 25, 29.97, 30, 50, 59.94 or 60.`,
      'fps',
    );
  }
  assertTimecodeMode(timeline.rate, timeline.timecode);
  if (!Number.isSafeInteger(timeline.startFrame) || timeline.startFrame < 0) {
    throw new InvalidRequestError(
      'The start timecode must be a whole, non-negative frame.',
      'start_timecode',
    );
  }
  if (
    !Number.isSafeInteger(timeline.width) ||
    !Number.isSafeInteger(timeline.height) ||
    timeline.width < 1 ||
    timeline.height < 1
  ) {
    throw new InvalidRequestError('The timeline size must be whole, positive pixels.', 'size');
  }
  assertTimelineClips(timeline);
}

function writerFor(
  format: TimelineFormat,
): (timeline: Timeline, options: SerializeTimelineOptions) => SerializedTimeline {
  switch (format) {
    case 'fcpxml':
      return serializeFcpxml;
    case 'xmeml':
      return serializeXmeml;
    case 'edl':
      return serializeEdl;
    case 'otio':
      return serializeOtio;
    default:
      // The type rules this out; a format string from a request may still be anything.
      throw new InvalidRequestError(
        `Unknown timeline format '${String(format)}': use ${TIMELINE_FORMATS.join(', ')}.`,
        'format',
      );
  }
}

/** One timeline in one of the four NLE formats, with the warnings to show beside the file. */
export function serializeTimeline(
  timeline: Timeline,
  format: TimelineFormat,
  options: SerializeTimelineOptions = {},
): TimelineDocument {
  assertSerializableTimeline(timeline);
  if (options.version != null && !FCPXML_VERSIONS.includes(options.version)) {
    throw new InvalidRequestError(
      `FCPXML version ${String(options.version)} is not offered: use ${FCPXML_VERSIONS.join(', ')}.`,
      'fcpxml_version',
    );
  }
  const serialized = writerFor(format)(timeline, options);
  return { ...serialized, format, ...fileTypes[format] };
}
