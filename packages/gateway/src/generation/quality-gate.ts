import type { VideoWarning } from '@vgw/spec';
import { z } from 'zod';
import {
  recordAttemptFailed,
  recordGatePassed,
  recordNextAttempt,
} from '../db/attempt-transitions-repository.js';
import { releaseVideo } from '../db/video-lease-repository.js';
import type { StoredRoutePlan, VideoRecord } from '../db/video-record.js';
import { findVideoScore } from '../db/video-scores-repository.js';
import { isPastDeadline } from '../db/video-transitions-repository.js';
import { BudgetExceededError } from '../cost/budget-exceeded-error.js';
import { checkBudgets } from '../cost/check-budgets.js';
import type { AdvanceContext, AdvanceVideoDeps } from './advance-video-deps.js';
import { chooseNext, defaultDeadlineSeconds } from './fall-back.js';

/** Only the index is read back; the rest of the stored score is the scoring module's business. */
const storedIndexSchema = z.object({ index: z.object({ value: z.number() }) });

/** Whether a render just finished should wait for its score: only when a re-roll is possible. */
export function holdsForGate(video: VideoRecord): boolean {
  const plan = video.routePlan;
  return plan?.qualityGate != null && plan.qualityGate.maxRerolls > 0 && plan.remaining.length > 0;
}

const gateWarning = (video: VideoRecord, message: string): VideoWarning => ({
  type: 'route',
  target: video.model,
  message: `route "${video.route}" quality gate: ${message}`,
});

/** Re-renders on the next target, budget-checked like a create; no room or no target: pass. */
async function reroll(
  deps: AdvanceVideoDeps,
  video: VideoRecord,
  lease: { id: string; workerId: string },
  reason: string,
): Promise<boolean> {
  const plan = video.routePlan as StoredRoutePlan & { qualityGate: { maxRerolls: number } };
  const choice = await chooseNext(deps, video, plan);
  const pass = (message: string) =>
    recordGatePassed(deps.database, { ...lease, warnings: [gateWarning(video, message)] });
  if (choice.target == null) return pass(`${reason}, and no target is left to re-render on`);
  const target = choice.target;
  return deps.database.transaction(async (client) => {
    try {
      // The held attempt's reservation is still open at its estimate, so checking before it is
      // settled (billed, at that estimate) gives the answer checking after would.
      await checkBudgets(client, video, target.estimateMicroUsd);
    } catch (error) {
      if (!(error instanceof BudgetExceededError)) throw error;
      return recordGatePassed(client, {
        ...lease,
        warnings: [gateWarning(video, `${reason}; not re-rendered: ${error.message}`)],
      });
    }
    const ended = await recordAttemptFailed(client, {
      ...lease,
      status: 'rejected',
      error: { code: 'quality_gate', message: reason, retryable: false },
      settlement: { outcome: 'billed', rule: 'billed:quality_rejected' },
    });
    if (!ended) return false;
    return recordNextAttempt(client, {
      ...lease,
      target,
      plan: {
        ...plan,
        remaining: choice.remaining,
        qualityGate: { ...plan.qualityGate, maxRerolls: plan.qualityGate.maxRerolls - 1 },
      },
      warnings: [
        ...choice.warnings,
        gateWarning(video, `${reason}; re-rendering on ${target.model}`),
      ],
      newStartKey: deps.newStartKey(),
      deadlineSeconds: deps.deadlineSeconds ?? defaultDeadlineSeconds,
    });
  });
}

/**
 * A held video, looked at again: once its score is in, it completes at or above the route's
 * minimum stability index and re-renders below it. A score that failed, or that is not in by
 * the deadline, lets the video through unjudged, with a warning: the render exists and was paid
 * for, and the gate is advice, not a reason to lose it.
 */
export async function judgeQuality(
  deps: AdvanceVideoDeps,
  video: VideoRecord,
  context: AdvanceContext,
): Promise<void> {
  const lease = { id: video.id, workerId: context.workerId };
  const minimum = video.routePlan?.qualityGate?.minStabilityIndex ?? 0;
  const score = await findVideoScore(deps.database, video.id);
  const pass = (warnings: VideoWarning[]) =>
    recordGatePassed(deps.database, { ...lease, warnings });
  if (score == null || score.status === 'queued' || score.status === 'running') {
    const past = video.pastDeadline ?? (await isPastDeadline(deps.database, video.id));
    if (past) {
      await pass([gateWarning(video, 'the score was not in by the deadline; completed unjudged')]);
      return;
    }
    await releaseVideo(deps.database, { ...lease, delaySeconds: 2 });
    return;
  }
  const parsed = storedIndexSchema.safeParse(score.result);
  if (score.status === 'failed' || !parsed.success) {
    const why = score.errorCode ?? 'no stability index';
    await pass([gateWarning(video, `scoring failed (${why}); completed unjudged`)]);
    return;
  }
  const value = parsed.data.index.value;
  if (value >= minimum) {
    await pass([]);
    return;
  }
  const reason = `stability index ${value.toFixed(1)} is below the minimum of ${minimum}`;
  await reroll(deps, video, lease, reason);
}
