import type { Queryable } from './queryable.js';

/**
 * `video_scores`: one row per video, the queue and the store of its temporal-stability score.
 * Rows are created by `recordCompleted` (same statement as the completion) or, for videos that
 * completed while scoring was off, by `enqueueMissingScores`. Writes by a scoring worker are
 * fenced on `locked_by`, like the video transitions.
 */

/** NOTIFY channel that wakes idle score workers when a completion queues a score. */
export const scoresDueChannel = 'vgw_scores_due';

export type ScoreStatus = 'queued' | 'running' | 'completed' | 'failed';

export interface VideoScoreRecord {
  videoId: string;
  status: ScoreStatus;
  attempts: number;
  /** Raw jsonb: callers validate it (scoreResultSchema) before use. */
  result: unknown;
  errorCode: string | null;
  errorMessage: string | null;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
}

interface VideoScoreRow {
  video_id: string;
  status: ScoreStatus;
  attempts: number;
  result: unknown;
  error_code: string | null;
  error_message: string | null;
  created_at: Date;
  updated_at: Date;
  completed_at: Date | null;
}

function toRecord(row: VideoScoreRow): VideoScoreRecord {
  return {
    videoId: row.video_id,
    status: row.status,
    attempts: row.attempts,
    result: row.result,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    completedAt: row.completed_at,
  };
}

export async function findVideoScore(
  client: Queryable,
  videoId: string,
): Promise<VideoScoreRecord | null> {
  const result = await client.query<VideoScoreRow>(
    'select * from video_scores where video_id = $1',
    [videoId],
  );
  const row = result.rows[0];
  return row != null ? toRecord(row) : null;
}

export interface CompletedScoreSummary {
  /** The stored result without its per-frame arrays (unvalidated jsonb). */
  result: unknown;
  completedAt: Date;
}

/** Completed scores of these videos, per-frame arrays left in the database. */
export async function findCompletedScores(
  client: Queryable,
  videoIds: string[],
): Promise<Map<string, CompletedScoreSummary>> {
  if (videoIds.length === 0) return new Map();
  const result = await client.query<{ video_id: string; result: unknown; completed_at: Date }>(
    `select video_id, result - 'perFrame' as result, completed_at from video_scores
     where video_id = any($1::text[]) and status = 'completed'`,
    [videoIds],
  );
  return new Map(
    result.rows.map((row) => [row.video_id, { result: row.result, completedAt: row.completed_at }]),
  );
}

/**
 * Queues a score for every live completed video that has none (videos completed while scoring
 * was disabled). Returns how many were queued.
 */
export async function enqueueMissingScores(client: Queryable): Promise<number> {
  const result = await client.query<{ video_id: string }>(
    `with queued as (
       insert into video_scores (video_id)
       select v.id from videos v
       where v.status = 'completed' and v.deleted_at is null
         and not exists (select 1 from video_scores s where s.video_id = v.id)
       on conflict (video_id) do nothing
       returning video_id)
     select q.video_id from queued q
     cross join lateral (select pg_notify($1, q.video_id)) woken`,
    [scoresDueChannel],
  );
  return result.rows.length;
}

/**
 * Queues the score of one completed video again when it failed or never existed (an operator's
 * retry after fixing ffmpeg, say); a queued, running or completed score is left as it is.
 * Returns whether a score was queued.
 */
export async function requeueScore(client: Queryable, videoId: string): Promise<boolean> {
  const result = await client.query<{ video_id: string }>(
    `with queued as (
       insert into video_scores (video_id) values ($1)
       on conflict (video_id) do update
         set status = 'queued', attempts = 0, locked_by = null, locked_until = null,
           next_attempt_at = now(), result = null, error_code = null, error_message = null,
           updated_at = now(), completed_at = null
         where video_scores.status = 'failed'
       returning video_id)
     select q.video_id from queued q
     cross join lateral (select pg_notify($2, q.video_id)) woken`,
    [videoId, scoresDueChannel],
  );
  return result.rows.length > 0;
}

interface Fence {
  videoId: string;
  workerId: string;
}

const fenced = `video_id = $1 and locked_by = $2 and status = 'running'`;
/** A video held for its route's quality gate is looked at again as soon as its score ends. */
const wakeGated = `, gated as (update videos set next_check_at = now()
  where id = (select video_id from ended) and awaiting_gate)`;
const unlock = 'locked_by = null, locked_until = null, updated_at = now()';

export async function recordScoreCompleted(
  client: Queryable,
  args: Fence & { result: unknown },
): Promise<boolean> {
  const result = await client.query(
    `with ended as (update video_scores set status = 'completed', result = $3::jsonb,
       error_code = null, error_message = null, completed_at = now(), ${unlock}
     where ${fenced} returning video_id)${wakeGated}
     select video_id from ended`,
    [args.videoId, args.workerId, JSON.stringify(args.result)],
  );
  return result.rowCount > 0;
}

/** A permanent failure (or the last attempt): the score ends here, with its reason. */
export async function recordScoreFailed(
  client: Queryable,
  args: Fence & { code: string; message: string },
): Promise<boolean> {
  const result = await client.query(
    `with ended as (update video_scores set status = 'failed', error_code = $3,
       error_message = $4, ${unlock}
     where ${fenced} returning video_id)${wakeGated}
     select video_id from ended`,
    [args.videoId, args.workerId, args.code, args.message],
  );
  return result.rowCount > 0;
}

/** A failure worth another attempt: queued again after `delaySeconds`, the error kept. */
export async function recordScoreRetry(
  client: Queryable,
  args: Fence & { code: string; message: string; delaySeconds: number },
): Promise<boolean> {
  const result = await client.query(
    `update video_scores set status = 'queued', error_code = $3, error_message = $4,
       next_attempt_at = now() + make_interval(secs => $5::double precision), ${unlock}
     where ${fenced}`,
    [args.videoId, args.workerId, args.code, args.message, args.delaySeconds],
  );
  return result.rowCount > 0;
}
