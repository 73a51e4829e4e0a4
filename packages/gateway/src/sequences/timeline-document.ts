import type { Timeline, TimelineWarning } from '../timeline/timeline-model.js';

export type TimelineFormat = 'fcpxml' | 'xmeml' | 'edl' | 'otio';
export type FcpxmlVersion = '1.8' | '1.9' | '1.10' | '1.11';

export interface TimelineDocument {
  body: string;
  warnings: TimelineWarning[];
  extension: string;
  mediaType: string;
}

/** The one place sequences reach the serializers (timeline/). */
export function timelineDocument(
  _timeline: Timeline,
  format: TimelineFormat,
  _options: { fcpxmlVersion?: FcpxmlVersion },
): TimelineDocument {
  throw new Error(`the ${format} serializer has not landed yet`);
}
