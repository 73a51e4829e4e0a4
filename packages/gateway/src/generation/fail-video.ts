import type { VideoFailure } from '@vgw/spec';
import type { VideoRecord } from '../db/video-record.js';
import { recordFailed } from '../db/video-transitions-repository.js';
import { settlementOfFailure, type Settlement } from '../cost/settlement.js';
import { shouldFallBack } from '../routing/fallback-policy.js';
import type { AdvanceVideoDeps } from './advance-video-deps.js';
import { auditUpstreamRefusal } from './audit-upstream-refusal.js';
import { noteEngineFailure } from './engine-health.js';
import { fallBack } from './fall-back.js';

export interface FailArgs {
  id: string;
  workerId: string;
  error: VideoFailure;
  /** The provider's billing rule for the failure's class unless given. */
  settlement?: Settlement;
  /** The render finished (its output could not be kept): a route does not render it again. */
  producedOutput?: boolean;
}

/**
 * Ends the video's current attempt as failed, settling its reservation in the same statement.
 * Unless told otherwise, the provider's billing rule for this class of failure decides: a video
 * without a saved operation never reached the provider, so its create was refused and nothing
 * was billed. A routed video with targets left, and a failure its route falls back on, moves to
 * its next target instead of failing. Returns false when the lease was lost.
 */
export async function failVideo(
  deps: AdvanceVideoDeps,
  video: VideoRecord,
  args: FailArgs,
): Promise<boolean> {
  const settlement =
    args.settlement ??
    settlementOfFailure(deps.cost.billingOf(video.provider), args.error, video.operation != null);
  await noteEngineFailure(deps, video, args.error);
  if (
    deps.policy != null &&
    args.error.code === 'content_policy_violation' &&
    args.settlement?.rule !== 'billed:output_refused'
  ) {
    await auditUpstreamRefusal(deps.policy, video, args.error);
  }
  const plan = video.routePlan;
  if (
    plan != null &&
    plan.remaining.length > 0 &&
    args.producedOutput !== true &&
    shouldFallBack(args.error.code, plan.fallbackOn)
  ) {
    return fallBack(deps, video, { ...args, settlement, plan });
  }
  return recordFailed(deps.database, {
    id: args.id,
    workerId: args.workerId,
    error: args.error,
    settlement,
  });
}
