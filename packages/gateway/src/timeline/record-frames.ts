import { InvalidRequestError } from '@vgw/spec';
import { sameRate } from './frame-rate.js';
import type { FrameRate, Timeline, TimelineClip } from './timeline-model.js';

/** A clip placed on its track: record frames count from the timeline's first frame (0). */
export interface PlacedClip {
  clip: TimelineClip;
  /** Index in `timeline.clips`, the number warnings name. */
  index: number;
  recordIn: number;
  recordOut: number;
}

export interface TrackLayout {
  track: number;
  clips: PlacedClip[];
  /** Frames at the timeline rate. */
  duration: number;
}

export interface TimelineLayout {
  /** Tracks in ascending number; only tracks that hold clips. */
  tracks: TrackLayout[];
  /** The longest track: what every format calls the sequence duration. */
  duration: number;
}

/**
 * `frames` at `from` re-timed to `to`, rounded to the nearest whole frame (halves up). Integer
 * maths: `(2·a + b) div 2·b`; exact while `frames · to.num · from.den` stays below 2^53, which
 * holds for days of footage at any supported rate.
 */
export function convertFrames(frames: number, from: FrameRate, to: FrameRate): number {
  if (sameRate(from, to)) return frames;
  const scaled = frames * to.numerator * from.denominator;
  const divisor = to.denominator * from.numerator;
  return Math.floor((2 * scaled + divisor) / (2 * divisor));
}

/**
 * A clip's length on the timeline in timeline frames. At the timeline's rate it is
 * `sourceOut − sourceIn`. At another rate the used source duration is re-timed (a 16 fps clip
 * of 80 frames is 5 s, 120 frames at 24) and rounded to the nearest frame; never below one
 * frame, so a used clip does not vanish from the cut.
 */
export function clipRecordFrames(clip: TimelineClip, timelineRate: FrameRate): number {
  const sourceFrames = clip.sourceOut - clip.sourceIn;
  if (sameRate(clip.media.rate, timelineRate)) return sourceFrames;
  return Math.max(1, convertFrames(sourceFrames, clip.media.rate, timelineRate));
}

/** Clips grouped per track, butted end to end from frame 0 in their given order. */
export function layoutTimeline(timeline: Timeline): TimelineLayout {
  const byTrack = new Map<number, PlacedClip[]>();
  const ends = new Map<number, number>();
  timeline.clips.forEach((clip, index) => {
    const recordIn = ends.get(clip.track) ?? 0;
    const recordOut = recordIn + clipRecordFrames(clip, timeline.rate);
    ends.set(clip.track, recordOut);
    const placed = byTrack.get(clip.track) ?? [];
    placed.push({ clip, index, recordIn, recordOut });
    byTrack.set(clip.track, placed);
  });
  const tracks = [...byTrack.entries()]
    .sort(([left], [right]) => left - right)
    .map(([track, clips]) => ({ track, clips, duration: ends.get(track) ?? 0 }));
  return { tracks, duration: Math.max(0, ...tracks.map((track) => track.duration)) };
}

function isWhole(value: number, minimum: number): boolean {
  return Number.isSafeInteger(value) && value >= minimum;
}

/**
 * Refuses a timeline no format could write truthfully: a 400 naming the clip, since timelines
 * are built from user requests (ranges, tracks). Rates and timecode mode are checked apart.
 */
export function assertTimelineClips(timeline: Timeline): void {
  timeline.clips.forEach((clip, index) => {
    const param = `clips[${index}]`;
    const { media } = clip;
    const fail = (reason: string) => {
      throw new InvalidRequestError(`Clip ${index} ('${clip.name}'): ${reason}`, param);
    };
    if (!isWhole(clip.track, 1)) fail(`track must be a whole number from 1, not ${clip.track}.`);
    if (!isWhole(media.frames, 1)) fail(`its media must have at least one frame.`);
    if (!isWhole(media.rate.numerator, 1) || !isWhole(media.rate.denominator, 1)) {
      fail('its media rate must be a positive whole fraction.');
    }
    if (!isWhole(clip.sourceIn, 0) || !isWhole(clip.sourceOut, 1)) {
      fail('source in and out must be whole frame numbers.');
    }
    if (clip.sourceOut <= clip.sourceIn || clip.sourceOut > media.frames) {
      fail(
        `source range ${clip.sourceIn}–${clip.sourceOut} must be non-empty and within the media's ${media.frames} frames.`,
      );
    }
  });
}
