import type { SequenceRecord } from '../db/sequences-repository.js';
import type { CompletedVideoMedia } from '../generation/completed-video-media.js';
import { rateLabel as rateLabelOf, sameRate } from '../timeline/frame-rate.js';
import { convertFrames } from '../timeline/record-frames.js';

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

/** A clip's length at the sequence rate, as every export lays it out: re-timed, at least 1. */
function recordFrames(frames: number, from: SequenceRecord['rate'], to: SequenceRecord['rate']) {
  return sameRate(from, to) ? frames : Math.max(1, convertFrames(frames, from, to));
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
