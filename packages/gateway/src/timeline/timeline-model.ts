/**
 * The one model every timeline format is written from. Every time is a whole number of frames at
 * a rational rate, never float seconds: 23.976 is 24000/1001 exactly, and a cut lands on a frame.
 */
export interface FrameRate {
  numerator: number;
  denominator: number;
}

/** Timecode counting: drop-frame exists only at 30000/1001 and 60000/1001. */
export type TimecodeMode = 'NDF' | 'DF';

/** A media file a clip uses: what it is, where it lives, and its whole length in its own frames. */
export interface TimelineMedia {
  /** Stable id within one export (one per file, shared by clips that use the same file). */
  id: string;
  /** The file name with its extension (`shot_001.mp4`). */
  fileName: string;
  /** Absolute `file://` URL or a path relative to the timeline file (packages), per `mediaUrls`. */
  location: string;
  rate: FrameRate;
  /** The whole file, in frames at `rate`. */
  frames: number;
  width: number;
  height: number;
  hasAudio: boolean;
}

/** One clip on a video track: `[sourceIn, sourceOut)` in the media's frames; out exclusive. */
export interface TimelineClip {
  name: string;
  media: TimelineMedia;
  sourceIn: number;
  sourceOut: number;
  /** Video track number, from 1 (V1). */
  track: number;
  /** Gateway data kept as namespaced metadata where a format has room for it. */
  metadata: Record<string, unknown>;
}

export interface Timeline {
  name: string;
  rate: FrameRate;
  timecode: TimecodeMode;
  width: number;
  height: number;
  /** The first frame's timecode as a frame count at the timeline rate (86400 = 01:00:00:00 @ 24). */
  startFrame: number;
  /** Clips in record order per track; each track's clips are butted end to end from the start. */
  clips: TimelineClip[];
}

/** Why a format had to approximate something, said to the user beside the export. */
export interface TimelineWarning {
  code: 'mixed_rate' | 'mixed_size' | 'multiple_tracks' | 'reel_name_shortened';
  message: string;
  clip: number | null;
}

export interface SerializedTimeline {
  body: string;
  warnings: TimelineWarning[];
}
