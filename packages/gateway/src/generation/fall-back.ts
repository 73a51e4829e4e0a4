import type { VideoFailure, VideoWarning } from '@vgw/spec';
import {
  recordAttemptFailed,
  recordFailedAfterAttempt,
  recordNextAttempt,
} from '../db/attempt-transitions-repository.js';
import { readBreakers, takeProbe } from '../db/engine-breakers-repository.js';
import type { PlannedTarget, StoredRoutePlan, VideoRecord } from '../db/video-record.js';
import { BudgetExceededError } from '../cost/budget-exceeded-error.js';
import { checkBudgets } from '../cost/check-budgets.js';
import type { Settlement } from '../cost/settlement.js';
import type { AdvanceVideoDeps } from './advance-video-deps.js';

export const defaultDeadlineSeconds = 3600;

interface Choice {
  target: PlannedTarget | null;
  remaining: PlannedTarget[];
  warnings: VideoWarning[];
}

/**
 * The first remaining target whose breaker lets it through now (taking a half-open one's probe).
 * After a provider's content refusal, that provider's other models are skipped too: the same
 * input sent to the same account would be refused again, and counts towards its suspension.
 */
export async function chooseNext(
  deps: AdvanceVideoDeps,
  video: VideoRecord,
  plan: StoredRoutePlan,
  refusedBy: string | null = null,
): Promise<Choice> {
  const breakers = await readBreakers(deps.database);
  const warnings: VideoWarning[] = [];
  const remaining = [...plan.remaining];
  const skip = (target: PlannedTarget, reason: string) =>
    warnings.push({
      type: 'route',
      target: target.model,
      message: `route "${video.route}" skipped ${target.model}: ${reason}`,
    });
  while (remaining.length > 0) {
    const target = remaining.shift() as PlannedTarget;
    if (target.provider === refusedBy) {
      skip(target, `${refusedBy} already refused this input on content grounds`);
      continue;
    }
    const health = breakers.get(target.model);
    if (health?.state === 'open') {
      skip(target, `its circuit breaker is open until ${health.openUntil?.toISOString()}`);
      continue;
    }
    const deadline = deps.deadlineSeconds ?? defaultDeadlineSeconds;
    if (
      health?.state === 'half_open' &&
      !(await takeProbe(deps.database, target.model, deadline))
    ) {
      skip(target, 'its circuit breaker is half-open and a probe is already testing it');
      continue;
    }
    return { target, remaining, warnings };
  }
  return { target: null, remaining, warnings };
}

/**
 * Ends the failed attempt and, in the same transaction, moves the video to its route's next
 * target as a new attempt, reserved against the budgets like a create: an attempt that would
 * overspend fails the video with `budget_exceeded` instead, and nothing more is rendered.
 */
export async function fallBack(
  deps: AdvanceVideoDeps,
  video: VideoRecord,
  args: {
    id: string;
    workerId: string;
    error: VideoFailure;
    settlement: Settlement;
    plan: StoredRoutePlan;
  },
): Promise<boolean> {
  const refusedBy = args.error.code === 'content_policy_violation' ? video.provider : null;
  const choice = await chooseNext(deps, video, args.plan, refusedBy);
  const lease = { id: args.id, workerId: args.workerId };
  return deps.database.transaction(async (client) => {
    if (
      !(await recordAttemptFailed(client, {
        ...lease,
        error: args.error,
        settlement: args.settlement,
      }))
    ) {
      return false;
    }
    if (choice.target == null) {
      return recordFailedAfterAttempt(client, { ...lease, error: args.error });
    }
    try {
      await checkBudgets(client, video, choice.target.estimateMicroUsd);
    } catch (error) {
      if (!(error instanceof BudgetExceededError)) throw error;
      const message = `attempt ${video.attempt + 1} on ${choice.target.model} was not started: ${error.message}`;
      return recordFailedAfterAttempt(client, {
        ...lease,
        error: { code: 'budget_exceeded', message, retryable: false },
      });
    }
    const movedOn: VideoWarning = {
      type: 'route',
      target: video.model,
      message: `attempt ${video.attempt} on ${video.model} failed (${args.error.code}: ${args.error.message}); route "${video.route}" moved on to ${choice.target.model}`,
    };
    return recordNextAttempt(client, {
      ...lease,
      target: choice.target,
      plan: { ...args.plan, remaining: choice.remaining },
      warnings: [...choice.warnings, movedOn],
      newStartKey: deps.newStartKey(),
      deadlineSeconds: deps.deadlineSeconds ?? defaultDeadlineSeconds,
    });
  });
}
