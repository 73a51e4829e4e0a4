import { insertSequence } from '../db/sequences-repository.js';
import { checkClipCount, resolveClips, type ClipInput } from './resolve-clips.js';
import type { SequenceDeps } from './sequence-deps.js';
import { checkName, defaultSequenceName, parseSize } from './sequence-fields.js';
import { resolveRate } from './sequence-rate.js';
import { toSequenceView, type SequenceView } from './sequence-view.js';
import { defaultStartTimecode, normaliseStartTimecode } from './start-timecode.js';

export type { ClipInput } from './resolve-clips.js';

/**
 * A new sequence. `fps` is a label (`"23.976"`, `24`, `"29.97DF"`) or a fraction
 * (`"24000/1001"`); the size defaults to the first clip's, the start to 01:00:00:00. Errors are
 * 400s naming the wire parameter (`fps`, `clips[2].out`), so HTTP passes them on as they are.
 */
export interface CreateSequenceInput {
  projectId: string;
  name?: string;
  fps: string | number;
  dropFrame?: boolean;
  /** `WIDTHxHEIGHT`. */
  size?: string;
  /** `HH:MM:SS:FF` (`;` before the frames is accepted). */
  startTimecode?: string;
  clips: ClipInput[];
}

export async function createSequence(
  deps: SequenceDeps,
  input: CreateSequenceInput,
): Promise<SequenceView> {
  const name = input.name != null ? checkName(input.name) : defaultSequenceName;
  const counting = resolveRate(input.fps, input.dropFrame);
  const startTimecode = normaliseStartTimecode(
    input.startTimecode ?? defaultStartTimecode,
    counting,
  );
  checkClipCount(input.clips.length);
  const size = input.size != null ? parseSize(input.size) : null;
  const { clips, media } = await resolveClips(deps, input.projectId, input.clips);
  const first = media.get(clips[0]?.videoId ?? '');
  const sequence = await insertSequence(deps.database, {
    id: deps.newSequenceId(),
    projectId: input.projectId,
    name,
    ...counting,
    width: size?.width ?? first?.width ?? 0,
    height: size?.height ?? first?.height ?? 0,
    startTimecode,
    clips,
  });
  return toSequenceView(sequence, media);
}
