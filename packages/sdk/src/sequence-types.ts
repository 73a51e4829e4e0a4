/**
 * Wire types of vgw's `/v1/sequences` extension: ordered cuts of completed videos, exported to
 * editors. Hand-written like the video types, so the SDK keeps no dependencies.
 */

/** The rates a sequence may run at; 29.97 and 59.94 may count drop-frame. */
export type SequenceFps = '23.976' | '24' | '25' | '29.97' | '30' | '50' | '59.94' | '60';

/** One cut of a video: `[in, out)` in the video's own frames (out exclusive), on a track from 1. */
export interface SequenceClip {
  video_id: string;
  in: number;
  out: number;
  track: number;
}

export interface SequenceWarning {
  code: 'mixed_rate' | 'mixed_size' | 'clip_unavailable' | (string & {});
  message: string;
  clip: number | null;
}

export interface Sequence {
  id: string;
  object: 'sequence';
  name: string;
  fps: SequenceFps | (string & {});
  drop_frame: boolean;
  rate: { numerator: number; denominator: number };
  size: string;
  /** `HH:MM:SS:FF`, or `HH:MM:SS;FF` in drop-frame. */
  start_timecode: string;
  duration_frames: number;
  clips: SequenceClip[];
  warnings: SequenceWarning[];
  created_at: number;
  updated_at: number;
}

/** A clip to cut in: the whole video on V1 unless `in`, `out` or `track` say otherwise. */
export interface SequenceClipParams {
  video_id: string;
  in?: number;
  out?: number;
  track?: number;
}

export interface SequenceCreateParams {
  /** `'24'`, `24`, `'23.976'`, `'29.97DF'` or an exact fraction such as `'24000/1001'`. */
  fps: SequenceFps | number | (string & {});
  drop_frame?: boolean;
  name?: string;
  /** `WIDTHxHEIGHT`; default: the first clip's size. */
  size?: string;
  /** Default `01:00:00:00`. */
  start_timecode?: string;
  clips: SequenceClipParams[];
}

export interface SequenceUpdateParams extends Partial<Omit<SequenceCreateParams, 'clips'>> {
  /** Replaces every clip. */
  clips?: SequenceClipParams[];
  /** Added after the last clip. */
  append_clips?: SequenceClipParams[];
}

export interface SequenceListParams {
  after?: string;
  limit?: number;
  order?: 'asc' | 'desc';
}

export interface SequenceDeleted {
  id: string;
  object: 'sequence.deleted';
  deleted: true;
}

export type SequenceExportFormat = 'fcpxml' | 'xmeml' | 'edl' | 'otio' | 'package';

export interface SequenceExportParams {
  format: SequenceExportFormat;
  /** FCPXML version for `fcpxml` and `package`: `'1.8'` to `'1.11'` (default `'1.9'`). */
  version?: '1.8' | '1.9' | '1.10' | '1.11';
}
