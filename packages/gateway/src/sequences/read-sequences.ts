import { NotFoundError } from '@vgw/spec';
import {
  deleteSequence as markSequenceDeleted,
  findSequence,
  listSequences,
  type ListSequencesQuery,
  type SequenceRecord,
} from '../db/sequences-repository.js';
import {
  completedVideoMedia,
  type CompletedVideoMedia,
} from '../generation/completed-video-media.js';
import type { SequenceDeps } from './sequence-deps.js';
import { toSequenceView, type SequenceView } from './sequence-view.js';

/** The stored media of every clip of these sequences, in one lookup. */
export async function mediaOfSequences(
  deps: SequenceDeps,
  sequences: readonly SequenceRecord[],
): Promise<Map<string, CompletedVideoMedia>> {
  const ids = new Set(sequences.flatMap((sequence) => sequence.clips.map((clip) => clip.videoId)));
  return completedVideoMedia(deps, [...ids]);
}

export async function requireSequence(
  deps: SequenceDeps,
  projectId: string,
  id: string,
): Promise<SequenceRecord> {
  const sequence = await findSequence(deps.database, projectId, id);
  if (sequence == null) throw new NotFoundError(`no sequence with id "${id}"`, 'sequence_id');
  return sequence;
}

export async function getSequence(
  deps: SequenceDeps,
  projectId: string,
  id: string,
): Promise<SequenceView> {
  const sequence = await requireSequence(deps, projectId, id);
  return toSequenceView(sequence, await mediaOfSequences(deps, [sequence]));
}

export async function listSequenceViews(
  deps: SequenceDeps,
  query: ListSequencesQuery,
): Promise<{ sequences: SequenceView[]; hasMore: boolean; cursorFound: boolean }> {
  const page = await listSequences(deps.database, query);
  const media = await mediaOfSequences(deps, page.sequences);
  return { ...page, sequences: page.sequences.map((each) => toSequenceView(each, media)) };
}

/** Soft delete; the videos it cut stay as they are. */
export async function deleteSequence(
  deps: SequenceDeps,
  projectId: string,
  id: string,
): Promise<void> {
  if (!(await markSequenceDeleted(deps.database, projectId, id))) {
    throw new NotFoundError(`no sequence with id "${id}"`, 'sequence_id');
  }
}
