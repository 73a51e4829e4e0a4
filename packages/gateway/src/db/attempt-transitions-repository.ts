import type { JSONValue, VideoFailure, VideoWarning } from '@vgw/spec';
import type { Queryable } from './queryable.js';
import { settlementParts, type LedgerSettlement } from './ledger-settlement.js';
import type { PlannedTarget, StoredRoutePlan } from './video-record.js';
import { completedAssignments, transition } from './video-transitions-repository.js';

/**
 * The worker's writes when an attempt fails and a route may try another target. Ending the
 * attempt (settling it), the budget check for the next, and starting the next run in one
 * transaction, so a crash leaves the video either on its old attempt or wholly on the new one.
 */

/**
 * Ends the current attempt as failed (or rejected by a quality gate) and settles it; the video
 * keeps its lease and status.
 */
export function recordAttemptFailed(
  client: Queryable,
  args: {
    id: string;
    workerId: string;
    error: VideoFailure;
    settlement: LedgerSettlement;
    status?: 'failed' | 'rejected';
  },
) {
  const settlement = settlementParts(4, { status: args.status ?? 'failed', errorSql: '$3::jsonb' });
  return transition(client, {
    ...args,
    assignments: [settlement.assignment],
    values: [JSON.stringify(args.error), args.settlement.outcome, args.settlement.rule],
    event: {
      type: 'attempt_failed',
      detail: { code: args.error.code, message: args.error.message },
    },
    extraCte: settlement.cte,
  });
}

/** Fails a video whose last attempt was already settled (nothing left to try, or no budget). */
export function recordFailedAfterAttempt(
  client: Queryable,
  args: { id: string; workerId: string; error: VideoFailure },
) {
  return transition(client, {
    ...args,
    assignments: [
      `status = 'failed'`,
      'error = $3::jsonb',
      'locked_by = null',
      'lease_expires_at = null',
      'next_check_at = null',
    ],
    values: [JSON.stringify(args.error)],
    event: { type: 'failed', detail: { code: args.error.code, message: args.error.message } },
  });
}

export interface NextAttempt {
  id: string;
  workerId: string;
  target: PlannedTarget;
  plan: StoredRoutePlan;
  warnings: VideoWarning[];
  newStartKey: string;
  deadlineSeconds: number;
}

/**
 * Moves the video onto its next target as a new attempt: the target's own parameters, a fresh
 * start key and deadline, its attempt row and its ledger reservation, due now.
 */
export function recordNextAttempt(client: Queryable, next: NextAttempt) {
  const { target } = next;
  return transition(client, {
    id: next.id,
    workerId: next.workerId,
    assignments: [
      'attempt = v.attempt + 1',
      'model = $3',
      'provider = $4',
      'seconds = $5',
      'size = $6',
      'fps = $7',
      'seed = $8',
      'estimate_micro_usd = $9',
      'cost_basis = $10',
      'target_options = $11::jsonb',
      'route_plan = $12::jsonb',
      'warnings = v.warnings || $13::jsonb',
      'start_key = $14',
      'deadline_at = now() + make_interval(secs => $15::double precision)',
      'operation = null',
      'start_attempts = 0',
      'status_checks = 0',
      'consecutive_check_failures = 0',
      'progress = 0',
      'awaiting_gate = false',
      'locked_by = null',
      'lease_expires_at = null',
      'next_check_at = now()',
    ],
    values: [
      target.model,
      target.provider,
      target.seconds,
      target.size,
      target.fps,
      target.seed,
      target.estimateMicroUsd,
      target.costBasis,
      JSON.stringify(target.providerOptions),
      JSON.stringify(next.plan),
      JSON.stringify([...next.warnings, ...target.warnings]),
      next.newStartKey,
      next.deadlineSeconds,
    ],
    event: { type: 'fallback', detail: { model: target.model } },
    extraCte: `next_attempt as (
      insert into video_attempts (video_id, number, model, provider, estimate_micro_usd)
      select c.id, c.attempt, $3, $4, $9 from changed c),
    reserved as (
      insert into ledger_entries (project_id, api_key_id, video_id, attempt, kind,
        amount_micro_usd, basis)
      select pv.project_id, pv.api_key_id, c.id, c.attempt, 'reserve', $9, $10
      from changed c join videos pv on pv.id = c.id),
    unscored as (delete from video_scores s using changed c where s.video_id = c.id),
    unfiled as (delete from video_files f using changed c where f.video_id = c.id)`,
  });
}

/** The quality gate let a held video through: complete it and settle its attempt as billed. */
export function recordGatePassed(
  client: Queryable,
  args: { id: string; workerId: string; warnings: JSONValue[] },
) {
  const settlement = settlementParts(4, { status: 'completed', errorSql: 'null' });
  return transition(client, {
    ...args,
    assignments: [
      settlement.assignment,
      ...completedAssignments,
      'warnings = v.warnings || $3::jsonb',
      'locked_by = null',
      'lease_expires_at = null',
      'next_check_at = null',
    ],
    values: [JSON.stringify(args.warnings), 'billed', 'completed'],
    event: { type: 'completed', detail: {} },
    extraCte: settlement.cte,
  });
}
