import type { JSONValue, VideoFailure, VideoWarning } from '@vgw/spec';
import type { Queryable } from './queryable.js';
import { settlementParts, type LedgerSettlement } from './ledger-settlement.js';
import { scoresDueChannel } from './video-scores-repository.js';

/**
 * Writes made by the worker that holds a video's lease. Each is one statement fenced on
 * `locked_by = $worker`: a worker whose lease expired and was taken over changes nothing and
 * learns so from the `false` it gets back. Each appends its audit event in the same statement.
 */
export interface Transition {
  id: string;
  workerId: string;
  /** SQL assignments; `$3` onwards are `values`. */
  assignments: string[];
  values: unknown[];
  event: { type: string; detail: JSONValue } | null;
  /** Another CTE written in the same statement; it may read `changed`. */
  extraCte?: string;
}

export async function transition(client: Queryable, change: Transition): Promise<boolean> {
  const detailIndex = change.values.length + 3;
  const eventSql =
    change.event != null
      ? `, event as (insert into video_events (video_id, actor, type, from_status, to_status, detail)
           select id, $2, $${detailIndex + 1}, old_status, status, $${detailIndex}::jsonb from changed)`
      : '';
  const parameters = [change.id, change.workerId, ...change.values];
  if (change.event != null) parameters.push(JSON.stringify(change.event.detail), change.event.type);
  const result = await client.query(
    `with previous as (select id, status as old_status from videos where id = $1),
     changed as (
       update videos v set ${change.assignments.join(', ')}
       from previous
       where v.id = previous.id and v.locked_by = $2 and v.deleted_at is null
       returning v.id, v.attempt, v.status, previous.old_status)
     ${eventSql}${change.extraCte != null ? `, ${change.extraCte}` : ''}
     select id from changed`,
    parameters,
  );
  return result.rowCount > 0;
}

const release = (delayIndex: number) => [
  'locked_by = null',
  'lease_expires_at = null',
  `next_check_at = now() + make_interval(secs => $${delayIndex}::double precision)`,
];

export function recordStartAttempt(client: Queryable, args: { id: string; workerId: string }) {
  return transition(client, {
    ...args,
    assignments: ['start_attempts = v.start_attempts + 1'],
    values: [],
    event: { type: 'start_attempt', detail: {} },
  });
}

/**
 * The engine refused the start before anything began (its capacity was full): the start attempt
 * just counted is given back, so waiting for capacity never uses up `maxStartAttempts`.
 */
export function recordStartDeferred(
  client: Queryable,
  args: { id: string; workerId: string; reason: string; delaySeconds: number },
) {
  return transition(client, {
    ...args,
    assignments: ['start_attempts = greatest(v.start_attempts - 1, 0)', ...release(3)],
    values: [args.delaySeconds],
    event: {
      type: 'start_deferred',
      detail: { reason: args.reason, delaySeconds: args.delaySeconds },
    },
  });
}

export function recordStarted(
  client: Queryable,
  args: {
    id: string;
    workerId: string;
    operation: JSONValue;
    warnings: VideoWarning[];
    delaySeconds: number;
  },
) {
  return transition(client, {
    ...args,
    assignments: [
      `status = 'in_progress'`,
      'operation = $3::jsonb',
      'warnings = v.warnings || $4::jsonb',
      'started_at = coalesce(v.started_at, now())',
      ...release(5),
    ],
    values: [JSON.stringify(args.operation), JSON.stringify(args.warnings), args.delaySeconds],
    event: { type: 'started', detail: {} },
  });
}

export function recordPending(
  client: Queryable,
  args: { id: string; workerId: string; progress: number; delaySeconds: number },
) {
  return transition(client, {
    ...args,
    assignments: [
      'progress = greatest(v.progress, $3)',
      'status_checks = v.status_checks + 1',
      'consecutive_check_failures = 0',
      ...release(4),
    ],
    values: [Math.max(0, Math.min(99, Math.round(args.progress))), args.delaySeconds],
    event: null,
  });
}

export interface CompletedFile {
  variant: string;
  sha256: string;
  bytes: number;
  mediaType: string;
}

export const completedAssignments = [
  `status = 'completed'`,
  'progress = 100',
  'completed_at = now()',
  'awaiting_gate = false',
];
// Held for a quality gate: stored and scored, but neither completed nor settled until judged.
const heldAssignments = [
  'progress = 99',
  'awaiting_gate = true',
  `next_check_at = now() + interval '2 seconds'`,
];

/**
 * Completion and its files in one fenced statement (a retried completion rewrites the same rows).
 * With `enqueueScore`, the same statement queues the video's score job and wakes score workers,
 * so no crash between "completed" and "enqueue" can lose the score. With `holdForGate`, the
 * video stays in_progress until its route's quality gate has judged the score.
 */
export function recordCompleted(
  client: Queryable,
  args: {
    id: string;
    workerId: string;
    files: CompletedFile[];
    enqueueScore?: boolean;
    holdForGate?: boolean;
    /** How the output is labelled as AI-generated; absent leaves it unset. */
    provenance?: 'embedded' | 'sidecar' | 'none';
    warnings?: VideoWarning[];
  },
) {
  const hold = args.holdForGate === true;
  const settlement = settlementParts(6, { status: 'completed', errorSql: 'null' });
  const values: unknown[] = [
    JSON.stringify(args.files),
    args.enqueueScore === true || hold,
    scoresDueChannel,
    ...(hold ? [] : ['billed', 'completed']),
  ];
  const labelIndex = values.length + 3;
  values.push(args.provenance ?? null, JSON.stringify(args.warnings ?? []));
  return transition(client, {
    ...args,
    assignments: [
      ...(hold ? heldAssignments : [settlement.assignment, ...completedAssignments]),
      'status_checks = v.status_checks + 1',
      'locked_by = null',
      'lease_expires_at = null',
      ...(hold ? [] : ['next_check_at = null']),
      `provenance = coalesce($${labelIndex}::text, v.provenance)`,
      `warnings = v.warnings || $${labelIndex + 1}::jsonb`,
    ],
    values,
    event: { type: hold ? 'held_for_quality_gate' : 'completed', detail: {} },
    extraCte: `${hold ? '' : `${settlement.cte},`}
    files as (
      insert into video_files (video_id, variant, sha256, bytes, media_type)
      select c.id, f.variant, f.sha256, f.bytes, f."mediaType"
      from changed c, jsonb_to_recordset($3::jsonb)
        as f(variant text, sha256 text, bytes bigint, "mediaType" text)
      on conflict (video_id, variant) do update
        set sha256 = excluded.sha256, bytes = excluded.bytes, media_type = excluded.media_type),
    score as (
      insert into video_scores (video_id)
      select c.id from changed c cross join lateral (select pg_notify($5, c.id)) woken
      where $4::boolean
      on conflict (video_id) do nothing)`,
  });
}

export function recordFailed(
  client: Queryable,
  args: { id: string; workerId: string; error: VideoFailure; settlement: LedgerSettlement },
) {
  const settlement = settlementParts(4, { status: 'failed', errorSql: '$3::jsonb' });
  return transition(client, {
    ...args,
    assignments: [
      settlement.assignment,
      `status = 'failed'`,
      'error = $3::jsonb',
      'locked_by = null',
      'lease_expires_at = null',
      'next_check_at = null',
    ],
    values: [JSON.stringify(args.error), args.settlement.outcome, args.settlement.rule],
    event: { type: 'failed', detail: { code: args.error.code, message: args.error.message } },
    extraCte: settlement.cte,
  });
}

/** A retryable failure: forget the operation and start again later under a fresh start key. */
export function recordRestart(
  client: Queryable,
  args: {
    id: string;
    workerId: string;
    error: VideoFailure;
    newStartKey: string;
    delaySeconds: number;
  },
) {
  return transition(client, {
    ...args,
    assignments: ['operation = null', 'start_key = $3', ...release(4)],
    values: [args.newStartKey, args.delaySeconds],
    event: { type: 'restart', detail: { code: args.error.code, message: args.error.message } },
  });
}

/** A status check failed (a missed check): count it, and check again later. */
export function recordCheckFailure(
  client: Queryable,
  args: { id: string; workerId: string; message: string; delaySeconds: number },
) {
  return transition(client, {
    ...args,
    assignments: [
      'status_checks = v.status_checks + 1',
      'consecutive_check_failures = v.consecutive_check_failures + 1',
      ...release(3),
    ],
    values: [args.delaySeconds],
    event: { type: 'status_check_failed', detail: { message: args.message } },
  });
}

/** An output download failed: keep the render, record why, and try the download again later. */
export function recordDownloadFailure(
  client: Queryable,
  args: { id: string; workerId: string; message: string; delaySeconds: number },
) {
  return transition(client, {
    ...args,
    assignments: ['status_checks = v.status_checks + 1', ...release(3)],
    values: [args.delaySeconds],
    event: { type: 'download_failed', detail: { message: args.message } },
  });
}

export async function countEvents(client: Queryable, id: string, type: string): Promise<number> {
  const result = await client.query<{ count: number }>(
    'select count(*)::int as count from video_events where video_id = $1 and type = $2',
    [id, type],
  );
  return result.rows[0]?.count ?? 0;
}

/** The database's own clock says whether the render has run past its deadline. */
export async function isPastDeadline(client: Queryable, id: string): Promise<boolean> {
  const result = await client.query<{ past: boolean }>(
    'select deadline_at < now() as past from videos where id = $1',
    [id],
  );
  return result.rows[0]?.past === true;
}
