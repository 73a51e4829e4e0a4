import type { SequenceClipParams } from '@vgw/sdk';
import { InvalidArgumentError } from 'commander';

/**
 * `VIDEO_ID`, or `VIDEO_ID:IN-OUT` in the video's frames (out exclusive, either side may be left
 * out: `video_1:12-`, `video_1:-73`).
 */
export function parseClipSpec(spec: string): SequenceClipParams {
  const match = /^([A-Za-z0-9_-]+)(?::(\d*)-(\d*))?$/.exec(spec);
  if (match == null || match[1] == null) {
    throw new InvalidArgumentError(
      `"${spec}" is not VIDEO_ID or VIDEO_ID:IN-OUT (frames, out exclusive, e.g. video_1:12-73).`,
    );
  }
  const clip: SequenceClipParams = { video_id: match[1] };
  if (match[2] != null && match[2] !== '') clip.in = Number(match[2]);
  if (match[3] != null && match[3] !== '') clip.out = Number(match[3]);
  return clip;
}

/** Commander's variadic collector for clip arguments. */
export function collectClips(specs: string[]): SequenceClipParams[] {
  return specs.map(parseClipSpec);
}
