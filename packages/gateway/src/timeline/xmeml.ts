import { mixedRateWarnings, mixedSizeWarnings } from './clip-warnings.js';
import { isNtsc, nominalRate } from './frame-rate.js';
import { xmemlPathUrl } from './media-url.js';
import { layoutTimeline, type PlacedClip } from './record-frames.js';
import { framesToTimecode } from './timecode.js';
import type { FrameRate, SerializedTimeline, Timeline, TimelineMedia } from './timeline-model.js';
import { escapeXml } from './xml-escape.js';

/** `<rate>`: timebase = ceil(fps) with the NTSC flag, so 29.97 is 30 + TRUE. */
function rateElement(rate: FrameRate): string {
  return `<rate><timebase>${nominalRate(rate)}</timebase><ntsc>${isNtsc(rate) ? 'TRUE' : 'FALSE'}</ntsc></rate>`;
}

function indent(lines: string[], spaces: number): string[] {
  const pad = ' '.repeat(spaces);
  return lines.map((line) => pad + line);
}

/** The first use of a file carries all of it; later clips write `<file id="file-N"/>`. */
function fileLines(media: TimelineMedia, id: string): string[] {
  const rate = rateElement(media.rate);
  return [
    `<file id="${id}">`,
    `  <name>${escapeXml(media.fileName)}</name>`,
    `  <pathurl>${escapeXml(xmemlPathUrl(media.location))}</pathurl>`,
    `  ${rate}`,
    `  <duration>${media.frames}</duration>`,
    '  <timecode>',
    `    ${rate}`,
    // Generated clips carry no embedded timecode: their source timecode starts at zero.
    `    <string>${framesToTimecode(0, media.rate, 'NDF')}</string>`,
    '    <frame>0</frame>',
    '    <displayformat>NDF</displayformat>',
    '  </timecode>',
    '  <media>',
    '    <video>',
    '      <samplecharacteristics>',
    `        ${rate}`,
    `        <width>${media.width}</width>`,
    `        <height>${media.height}</height>`,
    '      </samplecharacteristics>',
    '    </video>',
    '  </media>',
    '</file>',
  ];
}

interface FileIds {
  ids: Map<string, string>;
  written: Set<string>;
}

/**
 * A clipitem: `duration` is the whole file (as Premiere writes it), `start`/`end` the record
 * range in sequence frames, `in`/`out` the source range in the clip's own `<rate>`, so a clip at
 * another rate than the sequence keeps its own frames and the NLE conforms it.
 */
function clipItemLines(placed: PlacedClip, number: number, files: FileIds): string[] {
  const { clip } = placed;
  const id = files.ids.get(clip.media.id) ?? `file-${files.ids.size + 1}`;
  files.ids.set(clip.media.id, id);
  const file = files.written.has(id) ? [`<file id="${id}"/>`] : fileLines(clip.media, id);
  files.written.add(id);
  return [
    `<clipitem id="clipitem-${number}">`,
    `  <name>${escapeXml(clip.name)}</name>`,
    '  <enabled>TRUE</enabled>',
    `  <duration>${clip.media.frames}</duration>`,
    `  ${rateElement(clip.media.rate)}`,
    `  <start>${placed.recordIn}</start>`,
    `  <end>${placed.recordOut}</end>`,
    `  <in>${clip.sourceIn}</in>`,
    `  <out>${clip.sourceOut}</out>`,
    ...indent(file, 2),
    '</clipitem>',
  ];
}

function sequenceHead(timeline: Timeline, duration: number): string[] {
  const rate = rateElement(timeline.rate);
  return [
    `<name>${escapeXml(timeline.name)}</name>`,
    `<duration>${duration}</duration>`,
    rate,
    '<timecode>',
    `  ${rate}`,
    `  <string>${framesToTimecode(timeline.startFrame, timeline.rate, timeline.timecode)}</string>`,
    `  <frame>${timeline.startFrame}</frame>`,
    `  <displayformat>${timeline.timecode}</displayformat>`,
    '</timecode>',
  ];
}

/** Resolve expects a `<format>` after `<video>` even when minimal (OTIO issue 839). */
function formatLines(timeline: Timeline): string[] {
  return [
    '<format>',
    '  <samplecharacteristics>',
    `    ${rateElement(timeline.rate)}`,
    `    <width>${timeline.width}</width>`,
    `    <height>${timeline.height}</height>`,
    '    <anamorphic>FALSE</anamorphic>',
    '    <pixelaspectratio>square</pixelaspectratio>',
    '    <fielddominance>none</fielddominance>',
    '  </samplecharacteristics>',
    '</format>',
  ];
}

/** The timeline as Final Cut Pro 7 XML (xmeml v4, as Premiere writes it): one `<track>` per video track. */
export function serializeXmeml(timeline: Timeline): SerializedTimeline {
  const layout = layoutTimeline(timeline);
  const files: FileIds = { ids: new Map(), written: new Set() };
  let clipNumber = 0;
  const tracks = layout.tracks.flatMap((track) => [
    '<track>',
    ...indent(
      track.clips.flatMap((placed) => clipItemLines(placed, ++clipNumber, files)),
      2,
    ),
    '  <enabled>TRUE</enabled>',
    '  <locked>FALSE</locked>',
    '</track>',
  ]);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE xmeml>',
    '<xmeml version="4">',
    '  <sequence id="sequence-1">',
    ...indent(sequenceHead(timeline, layout.duration), 4),
    '    <media>',
    '      <video>',
    ...indent([...formatLines(timeline), ...tracks], 8),
    '      </video>',
    '      <audio/>',
    '    </media>',
    '  </sequence>',
    '</xmeml>',
  ];
  const conformed = 'the clip keeps its own rate and size, and the NLE conforms it.';
  return {
    body: `${lines.join('\n')}\n`,
    warnings: [
      ...mixedRateWarnings(timeline, conformed),
      ...mixedSizeWarnings(timeline, conformed),
    ],
  };
}
