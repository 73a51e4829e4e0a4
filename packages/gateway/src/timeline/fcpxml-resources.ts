import { fileStem } from './clip-warnings.js';
import { fcpxmlTime, frameDuration } from './fcpxml-time.js';
import { reduceRate } from './frame-rate.js';
import { mediaUrl } from './media-url.js';
import type { FrameRate, Timeline, TimelineMedia } from './timeline-model.js';
import { escapeXml } from './xml-escape.js';

export type FcpxmlVersion = '1.8' | '1.9' | '1.10' | '1.11';

export const FCPXML_VERSIONS: readonly FcpxmlVersion[] = ['1.8', '1.9', '1.10', '1.11'];

/** The `<resources>` lines and the ids clips refer to. */
export interface FcpxmlResources {
  lines: string[];
  /** The timeline's own format (the sequence's). */
  sequenceFormat: string;
  formatOf: (media: TimelineMedia) => string;
  assetOf: (media: TimelineMedia) => string;
}

interface FormatEntry {
  id: string;
  rate: FrameRate;
  width: number;
  height: number;
}

function formatKey(rate: FrameRate, width: number, height: number): string {
  const reduced = reduceRate(rate);
  return `${reduced.numerator}/${reduced.denominator}@${width}x${height}`;
}

function formatLine(entry: FormatEntry): string {
  // No `name`: FCP's preset names (FFVideoFormat1080p24) are not confirmed for every size and
  // rate, and the DTD does not need one.
  return `    <format id="${entry.id}" frameDuration="${frameDuration(entry.rate)}" width="${entry.width}" height="${entry.height}" colorSpace="1-1-1 (Rec. 709)"/>`;
}

function assetLines(
  media: TimelineMedia,
  id: string,
  format: string,
  version: FcpxmlVersion,
): string[] {
  const src = escapeXml(mediaUrl(media.location));
  const audio = media.hasAudio
    ? 'hasAudio="1" audioSources="1" audioChannels="2" audioRate="48000"'
    : 'hasAudio="0"';
  const head = `    <asset id="${id}" name="${escapeXml(fileStem(media.fileName))}" start="0s" duration="${fcpxmlTime(media.frames, media.rate)}" hasVideo="1"`;
  // 1.8 carries the URL on the asset and has no `videoSources`; from 1.9 `src` there is invalid
  // and the URL moves to a required `<media-rep>` child.
  if (version === '1.8') return [`${head} ${audio} format="${format}" src="${src}"/>`];
  return [
    `${head} videoSources="1" ${audio} format="${format}">`,
    `      <media-rep kind="original-media" src="${src}"/>`,
    '    </asset>',
  ];
}

/**
 * One `format` per distinct (rate, size), the timeline's first (`r1`), then one `asset` per
 * distinct media file in order of first use. Ids are `r1…` as Final Cut Pro numbers them.
 */
export function buildResources(timeline: Timeline, version: FcpxmlVersion): FcpxmlResources {
  let next = 1;
  const formats = new Map<string, FormatEntry>();
  const addFormat = (rate: FrameRate, width: number, height: number): string => {
    const key = formatKey(rate, width, height);
    const existing = formats.get(key);
    if (existing != null) return existing.id;
    const entry = { id: `r${next++}`, rate, width, height };
    formats.set(key, entry);
    return entry.id;
  };
  const sequenceFormat = addFormat(timeline.rate, timeline.width, timeline.height);
  const mediaList = [
    ...new Map(timeline.clips.map((clip) => [clip.media.id, clip.media])).values(),
  ];
  const mediaFormats = new Map(
    mediaList.map((media) => [media.id, addFormat(media.rate, media.width, media.height)]),
  );
  const assets = new Map(mediaList.map((media) => [media.id, `r${next++}`]));
  const lines = ['  <resources>', ...[...formats.values()].map(formatLine)];
  for (const media of mediaList) {
    const format = mediaFormats.get(media.id) ?? sequenceFormat;
    lines.push(...assetLines(media, assets.get(media.id) ?? '', format, version));
  }
  lines.push('  </resources>');
  return {
    lines,
    sequenceFormat,
    formatOf: (media) => mediaFormats.get(media.id) ?? sequenceFormat,
    assetOf: (media) => assets.get(media.id) ?? '',
  };
}
