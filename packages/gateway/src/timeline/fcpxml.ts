import { mixedRateWarnings, mixedSizeWarnings } from './clip-warnings.js';
import { buildResources, type FcpxmlResources, type FcpxmlVersion } from './fcpxml-resources.js';
import { fcpxmlTime } from './fcpxml-time.js';
import { supportsDropFrame } from './frame-rate.js';
import { convertFrames, layoutTimeline, type PlacedClip } from './record-frames.js';
import type { SerializedTimeline, Timeline, TimelineClip } from './timeline-model.js';
import { escapeXml } from './xml-escape.js';

export interface FcpxmlOptions {
  /** Default 1.9: the oldest with `<media-rep>`, imported by FCP 10.4.9+ and Resolve. */
  version?: FcpxmlVersion;
  /** The FCP event holding the project; default `AI Gateway Export`. */
  eventName?: string;
}

/** A spine item other tracks' clips can connect to: a V1 clip, or the gap after V1 ends. */
interface SpineItem {
  placed: PlacedClip | null;
  recordIn: number;
  recordOut: number;
  connected: string[];
}

interface Context {
  timeline: Timeline;
  resources: FcpxmlResources;
}

function clipTcFormat(timeline: Timeline, clip: TimelineClip): string {
  return supportsDropFrame(clip.media.rate) ? timeline.timecode : 'NDF';
}

function clipAttributes(context: Context, placed: PlacedClip, offset: string): string {
  const { timeline, resources } = context;
  const { clip } = placed;
  const start = fcpxmlTime(clip.sourceIn, clip.media.rate);
  const duration = fcpxmlTime(placed.recordOut - placed.recordIn, timeline.rate);
  return `name="${escapeXml(clip.name)}" offset="${offset}" start="${start}" duration="${duration}" format="${resources.formatOf(clip.media)}" tcFormat="${clipTcFormat(timeline, clip)}"`;
}

/**
 * A connected clip's offset is in its parent's local time: the parent's source time at the
 * record frame where the child starts. A parent at another rate gets the nearest frame of its
 * own rate, so the value stays on that parent's frame grid.
 */
function connectedOffset(context: Context, parent: SpineItem, recordFrame: number): string {
  const { timeline } = context;
  if (parent.placed == null) return fcpxmlTime(timeline.startFrame + recordFrame, timeline.rate);
  const { clip } = parent.placed;
  const delta = convertFrames(recordFrame - parent.recordIn, timeline.rate, clip.media.rate);
  return fcpxmlTime(clip.sourceIn + delta, clip.media.rate);
}

function findParent(items: SpineItem[], recordFrame: number): SpineItem {
  const found = items.find((item) => recordFrame >= item.recordIn && recordFrame < item.recordOut);
  return found ?? (items[items.length - 1] as SpineItem);
}

function spineLines(context: Context, items: SpineItem[]): string[] {
  const { timeline, resources } = context;
  const lines: string[] = [];
  for (const item of items) {
    const offset = fcpxmlTime(timeline.startFrame + item.recordIn, timeline.rate);
    const close = item.connected.length === 0 ? '/>' : '>';
    if (item.placed == null) {
      const duration = fcpxmlTime(item.recordOut - item.recordIn, timeline.rate);
      lines.push(
        `            <gap name="Gap" offset="${offset}" start="${offset}" duration="${duration}"${close}`,
      );
    } else {
      const ref = resources.assetOf(item.placed.clip.media);
      lines.push(
        `            <asset-clip ref="${ref}" ${clipAttributes(context, item.placed, offset)}${close}`,
      );
    }
    if (item.connected.length === 0) continue;
    lines.push(
      ...item.connected,
      item.placed == null ? '            </gap>' : '            </asset-clip>',
    );
  }
  return lines;
}

/**
 * V1 (the lowest track) is the primary storyline; each higher track's clips are connected clips
 * on lane 1, 2, … attached to the V1 clip (or trailing gap) under their first frame, as FCP
 * represents tracks above the storyline.
 */
function buildSpine(context: Context): { lines: string[]; duration: number } {
  const layout = layoutTimeline(context.timeline);
  const [primary, ...others] = layout.tracks;
  const items: SpineItem[] = (primary?.clips ?? []).map((placed) => ({
    placed,
    recordIn: placed.recordIn,
    recordOut: placed.recordOut,
    connected: [],
  }));
  const primaryEnd = primary?.duration ?? 0;
  if (layout.duration > primaryEnd) {
    items.push({ placed: null, recordIn: primaryEnd, recordOut: layout.duration, connected: [] });
  }
  others.forEach((track, rank) => {
    for (const placed of track.clips) {
      const parent = findParent(items, placed.recordIn);
      const offset = connectedOffset(context, parent, placed.recordIn);
      const ref = context.resources.assetOf(placed.clip.media);
      parent.connected.push(
        `              <asset-clip ref="${ref}" lane="${rank + 1}" ${clipAttributes(context, placed, offset)}/>`,
      );
    }
  });
  return { lines: spineLines(context, items), duration: layout.duration };
}

/** The timeline as one FCPXML document (`.fcpxml`), validated in tests against the doc's rules. */
export function serializeFcpxml(
  timeline: Timeline,
  options: FcpxmlOptions = {},
): SerializedTimeline {
  const version = options.version ?? '1.9';
  const resources = buildResources(timeline, version);
  const spine = buildSpine({ timeline, resources });
  const sequence = `        <sequence format="${resources.sequenceFormat}" duration="${fcpxmlTime(spine.duration, timeline.rate)}" tcStart="${fcpxmlTime(timeline.startFrame, timeline.rate)}" tcFormat="${timeline.timecode}">`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE fcpxml>',
    `<fcpxml version="${version}">`,
    ...resources.lines,
    '  <library>',
    `    <event name="${escapeXml(options.eventName ?? 'AI Gateway Export')}">`,
    `      <project name="${escapeXml(timeline.name)}">`,
    sequence,
    '          <spine>',
    ...spine.lines,
    '          </spine>',
    '        </sequence>',
    '      </project>',
    '    </event>',
    '  </library>',
    '</fcpxml>',
  ];
  const conformed = 'Final Cut Pro conforms it to the timeline (the clip keeps its own format).';
  return {
    body: `${lines.join('\n')}\n`,
    warnings: [
      ...mixedRateWarnings(timeline, conformed),
      ...mixedSizeWarnings(timeline, conformed),
    ],
  };
}
