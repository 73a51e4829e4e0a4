import type { VideoFailure } from '@vgw/spec';
import type { VideoRecord } from '../db/video-record.js';
import { recordFailed } from '../db/video-transitions-repository.js';
import { settlementOfFailure, type Settlement } from '../cost/settlement.js';
import type { AdvanceVideoDeps } from './advance-video-deps.js';

/**
 * Fails the video and settles its reservation in the same statement. Unless told otherwise, the
 * provider's billing rule for this class of failure decides: a video without a saved operation
 * never reached the provider, so its create was refused and nothing was billed.
 */
export function failVideo(
  deps: AdvanceVideoDeps,
  video: VideoRecord,
  args: { id: string; workerId: string; error: VideoFailure; settlement?: Settlement },
): Promise<boolean> {
  const settlement =
    args.settlement ??
    settlementOfFailure(deps.cost.billingOf(video.provider), args.error, video.operation != null);
  return recordFailed(deps.database, {
    id: args.id,
    workerId: args.workerId,
    error: args.error,
    settlement,
  });
}
