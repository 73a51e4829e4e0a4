import type { FcpxmlVersion } from '../timeline/fcpxml-resources.js';
import {
  serializeTimeline,
  type TimelineDocument,
  type TimelineFormat,
} from '../timeline/serialize-timeline.js';
import type { Timeline } from '../timeline/timeline-model.js';

export type { FcpxmlVersion } from '../timeline/fcpxml-resources.js';
export type { TimelineDocument, TimelineFormat } from '../timeline/serialize-timeline.js';

/** The one place sequences reach the serializers: the FCPXML version is the only option used. */
export function timelineDocument(
  timeline: Timeline,
  format: TimelineFormat,
  options: { fcpxmlVersion?: FcpxmlVersion },
): TimelineDocument {
  return serializeTimeline(
    timeline,
    format,
    options.fcpxmlVersion != null ? { version: options.fcpxmlVersion } : {},
  );
}
