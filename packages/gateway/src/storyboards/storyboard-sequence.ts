import type { Database } from '../db/queryable.js';

export interface StoryboardSequenceRequest {
  projectId: string;
  name: string;
  /** The stitched (first shot's) rate, exactly as the stream states it. */
  rate: { numerator: number; denominator: number };
  size: { width: number; height: number };
  /** The shots' videos, in order: one clip each, whole. */
  videoIds: string[];
}

/** Makes the sequence of a finished storyboard and answers its id, or null when there is none. */
export type StoryboardSequenceMaker = (
  database: Database,
  request: StoryboardSequenceRequest,
) => Promise<string | null>;

/**
 * The one integration point with sequences/: `createSequence` lands there with the sequences
 * work, and this is where a storyboard calls it. Until then a storyboard completes with
 * `sequence_id: null`.
 */
export const createStoryboardSequence: StoryboardSequenceMaker = () => Promise.resolve(null);
