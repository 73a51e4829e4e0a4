import { mixedRateWarnings } from './clip-warnings.js';
import { assignReelNames } from './edl-reel-names.js';
import { convertFrames, layoutTimeline, type PlacedClip } from './record-frames.js';
import { framesToTimecode } from './timecode.js';
import type { SerializedTimeline, Timeline, TimelineWarning } from './timeline-model.js';

export interface EdlOptions {
  /** Default `lf`; some older tools want CRLF. */
  lineEnding?: 'lf' | 'crlf';
}

/** Printable ASCII only: accents folded (`é` → `e`), anything else `_`. */
function asciiText(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_');
}

/** CMX titles are conventionally upper case and at most 70 characters. */
function title(name: string): string {
  return asciiText(name).toUpperCase().slice(0, 70).trimEnd();
}

/**
 * Event numbers are three digits; past 999 they wrap to 001 as CMX-era tools do, since readers
 * order events by record timecode, not number (OTIO's reader ignores the number too).
 */
function eventNumber(position: number): string {
  return String((position % 999) + 1).padStart(3, '0');
}

/**
 * One event: source timecodes count the clip's frames at the timeline timebase (an EDL has one
 * rate). A clip at another rate has its source in re-timed to the nearest timeline frame and its
 * source out set so source length equals record length, the CMX invariant.
 */
function eventLines(
  timeline: Timeline,
  placed: PlacedClip,
  position: number,
  reel: string,
): string[] {
  const { clip } = placed;
  const tc = (frames: number) => framesToTimecode(frames, timeline.rate, timeline.timecode);
  const sourceIn = convertFrames(clip.sourceIn, clip.media.rate, timeline.rate);
  const length = placed.recordOut - placed.recordIn;
  const recordIn = timeline.startFrame + placed.recordIn;
  const line = `${eventNumber(position)}  ${reel.padEnd(8)} ${'V'.padEnd(5)} C        ${tc(sourceIn)} ${tc(sourceIn + length)} ${tc(recordIn)} ${tc(recordIn + length)}`;
  return ['', line, `* FROM CLIP NAME: ${asciiText(clip.media.fileName)}`];
}

/**
 * A CMX 3600 EDL of V1 (the lowest track): an EDL holds one video track, so clips on other
 * tracks are left out with one `multiple_tracks` warning. Blank lines separate events, as NLE
 * exports do; OTIO's reader and the NLEs skip them.
 */
export function serializeEdl(timeline: Timeline, options: EdlOptions = {}): SerializedTimeline {
  const layout = layoutTimeline(timeline);
  const [primary, ...others] = layout.tracks;
  const placedClips = primary?.clips ?? [];
  const { reels, warnings: reelWarnings } = assignReelNames(
    timeline,
    placedClips.map((placed) => placed.index),
  );
  const lines = [
    `TITLE: ${title(timeline.name)}`,
    `FCM: ${timeline.timecode === 'DF' ? 'DROP FRAME' : 'NON-DROP FRAME'}`,
    ...placedClips.flatMap((placed, position) =>
      eventLines(timeline, placed, position, reels.get(placed.clip.media.id) ?? 'AX'),
    ),
  ];
  const warnings: TimelineWarning[] = [];
  const dropped = others.reduce((count, track) => count + track.clips.length, 0);
  if (dropped > 0) {
    warnings.push({
      code: 'multiple_tracks',
      message: `An EDL holds one video track: ${dropped} clip(s) on tracks ${others.map((track) => `V${track.track}`).join(', ')} were left out.`,
      clip: null,
    });
  }
  const onPrimary = new Set(placedClips.map((placed) => placed.index));
  const retimed = mixedRateWarnings(
    timeline,
    'an EDL has one rate, so its source timecode is re-timed to the timeline rate.',
  ).filter((warning) => warning.clip != null && onPrimary.has(warning.clip));
  const newline = options.lineEnding === 'crlf' ? '\r\n' : '\n';
  return {
    body: `${lines.join(newline)}${newline}`,
    warnings: [...warnings, ...retimed, ...reelWarnings],
  };
}
