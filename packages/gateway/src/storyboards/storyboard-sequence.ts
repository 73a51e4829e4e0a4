import { InvalidRequestError } from '@vgw/spec';
import { createSequence } from '../sequences/create-sequence.js';
import type { SequenceDeps } from '../sequences/sequence-deps.js';

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
  request: StoryboardSequenceRequest,
) => Promise<string | null>;

/**
 * The storyboard's shots as a sequence at the stitched rate and size: one clip per shot, whole,
 * on track 1, so the piece opens in an editor cut as it was stitched. A stitch at a rate no
 * editor timeline takes (12 fps, say) still completes, with no sequence.
 */
export function storyboardSequenceMaker(deps: SequenceDeps): StoryboardSequenceMaker {
  return async (request) => {
    try {
      const sequence = await createSequence(deps, {
        projectId: request.projectId,
        name: request.name,
        fps: `${request.rate.numerator}/${request.rate.denominator}`,
        size: `${request.size.width}x${request.size.height}`,
        clips: request.videoIds.map((videoId) => ({ videoId })),
      });
      return sequence.id;
    } catch (error) {
      if (error instanceof InvalidRequestError && error.code === 'unsupported_frame_rate') {
        return null;
      }
      throw error;
    }
  };
}
