import { InvalidRequestError, NotFoundError } from '@vgw/spec';
import {
  findSequence,
  updateSequence as storeSequence,
  type SequenceClip,
  type SequenceFields,
  type SequenceRecord,
} from '../db/sequences-repository.js';
import { mediaOfSequences } from './read-sequences.js';
import { checkClipCount, resolveClips, type ClipInput } from './resolve-clips.js';
import type { SequenceDeps } from './sequence-deps.js';
import { checkName, parseSize } from './sequence-fields.js';
import { rateLabelOf, resolveRate } from './sequence-rate.js';
import { toSequenceView, type SequenceView } from './sequence-view.js';
import { normaliseStartTimecode } from './start-timecode.js';

/** What a PATCH may change; absent fields stay. `clips` replaces the cut, `appendClips` extends it. */
export interface UpdateSequenceInput {
  projectId: string;
  id: string;
  name?: string;
  fps?: string | number;
  dropFrame?: boolean;
  size?: string;
  startTimecode?: string;
  clips?: ClipInput[];
  appendClips?: ClipInput[];
}

/**
 * The stored fields with the patch laid over them. A new rate keeps the start label
 * (01:00:00:00 stays 01:00:00:00), re-checked at that rate.
 */
function patchedFields(
  current: SequenceRecord,
  input: UpdateSequenceInput,
  clips: SequenceClip[],
): SequenceFields {
  const counting =
    input.fps != null || input.dropFrame != null
      ? resolveRate(input.fps ?? rateLabelOf(current.rate), input.dropFrame)
      : { rate: current.rate, timecode: current.timecode };
  const size = input.size != null ? parseSize(input.size) : current;
  return {
    name: input.name != null ? checkName(input.name) : current.name,
    ...counting,
    width: size.width,
    height: size.height,
    startTimecode: normaliseStartTimecode(input.startTimecode ?? current.startTimecode, counting),
    clips,
  };
}

export async function updateSequence(
  deps: SequenceDeps,
  input: UpdateSequenceInput,
): Promise<SequenceView> {
  if (input.clips != null && input.appendClips != null) {
    throw new InvalidRequestError(
      'send clips (to replace the cut) or append_clips (to extend it), not both',
      'append_clips',
    );
  }
  const before = await findSequence(deps.database, input.projectId, input.id);
  if (before == null) throw new NotFoundError(`no sequence with id "${input.id}"`, 'sequence_id');
  if (input.clips != null) checkClipCount(input.clips.length);
  if (input.appendClips != null) checkClipCount(input.appendClips.length, 'append_clips');
  const given = input.clips ?? input.appendClips ?? [];
  const offset = input.appendClips != null ? before.clips.length : 0;
  // Checked before the row is locked: a first probe of a file may take a moment.
  const { clips: resolved } = await resolveClips(deps, input.projectId, given, offset);
  const updated = await deps.database.transaction(async (client) => {
    const current = await findSequence(client, input.projectId, input.id, { forUpdate: true });
    if (current == null) return null;
    let clips = current.clips;
    if (input.clips != null) clips = resolved;
    if (input.appendClips != null) clips = [...current.clips, ...resolved];
    checkClipCount(clips.length, input.appendClips != null ? 'append_clips' : 'clips');
    return storeSequence(client, input.projectId, input.id, patchedFields(current, input, clips));
  });
  if (updated == null) throw new NotFoundError(`no sequence with id "${input.id}"`, 'sequence_id');
  return toSequenceView(updated, await mediaOfSequences(deps, [updated]));
}
