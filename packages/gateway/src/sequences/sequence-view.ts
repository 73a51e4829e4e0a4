import type { SequenceRecord } from '../db/sequences-repository.js';
import type { CompletedVideoMedia } from '../generation/completed-video-media.js';
import { rateLabelOf } from './sequence-rate.js';

/** Something a client should know about a clip: it will be conformed, or it is gone. */
export interface SequenceWarning {
  code: 'mixed_rate' | 'mixed_size' | 'clip_unavailable';
  message: string;
  clip: number;
}

/** A sequence as it stands now: its clips checked against what is still stored. */
export interface SequenceView extends SequenceRecord {
  warnings: SequenceWarning[];
  /** The longest track, in sequence frames; clips whose video is gone count for nothing. */
  durationFrames: number;
}

type Rate = SequenceRecord['rate'];

const sameRate = (left: Rate, right: Rate) =>
  left.numerator * right.denominator === right.numerator * left.denominator;

/** A clip's length at the sequence rate: re-timed and rounded (halves up), never below a frame. */
export function recordFrames(frames: number, from: Rate, to: Rate): number {
  if (sameRate(from, to)) return frames;
  const scaled = frames * to.numerator * from.denominator;
  const divisor = to.denominator * from.numerator;
  return Math.max(1, Math.floor((2 * scaled + divisor) / (2 * divisor)));
}

function clipWarnings(
  sequence: SequenceRecord,
  index: number,
  media: CompletedVideoMedia | undefined,
): SequenceWarning[] {
  const clip = sequence.clips[index];
  if (clip == null) return [];
  if (media == null) {
    const message = `clip ${index}: video "${clip.videoId}" was deleted or lost its file; replace or remove the clip before exporting`;
    return [{ code: 'clip_unavailable', message, clip: index }];
  }
  const warnings: SequenceWarning[] = [];
  if (!sameRate(media.rate, sequence.rate)) {
    const message = `clip ${index} runs at ${rateLabelOf(media.rate)} fps in a ${rateLabelOf(sequence.rate)} fps sequence; editors conform it`;
    warnings.push({ code: 'mixed_rate', message, clip: index });
  }
  if (media.width !== sequence.width || media.height !== sequence.height) {
    const message = `clip ${index} is ${media.width}x${media.height} in a ${sequence.width}x${sequence.height} sequence; editors scale it`;
    warnings.push({ code: 'mixed_size', message, clip: index });
  }
  return warnings;
}

export function toSequenceView(
  sequence: SequenceRecord,
  media: ReadonlyMap<string, CompletedVideoMedia>,
): SequenceView {
  const warnings: SequenceWarning[] = [];
  const trackEnds = new Map<number, number>();
  sequence.clips.forEach((clip, index) => {
    const clipMedia = media.get(clip.videoId);
    warnings.push(...clipWarnings(sequence, index, clipMedia));
    if (clipMedia == null) return;
    const length = recordFrames(clip.out - clip.in, clipMedia.rate, sequence.rate);
    trackEnds.set(clip.track, (trackEnds.get(clip.track) ?? 0) + length);
  });
  return { ...sequence, warnings, durationFrames: Math.max(0, ...trackEnds.values()) };
}
