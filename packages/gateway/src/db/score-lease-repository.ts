import type { Queryable } from './queryable.js';

/**
 * Leases on `video_scores` rows, the same protocol as the video leases: a worker owns a row
 * while `locked_by` names it and `locked_until` is in the future, every time from `now()`.
 * A `running` row whose lease lapsed is due again (its worker died), and is taken over.
 */

export interface ScoreJob {
  /** The video's id: a video has at most one score row. */
  id: string;
  /** Claims so far, this one included. */
  attempts: number;
}

const leaseLapsed = '(s.locked_until is null or s.locked_until < now())';

const dueCondition = `v.deleted_at is null and (
  (s.status = 'queued' and s.next_attempt_at <= now())
  or (s.status = 'running' and ${leaseLapsed}))`;

/** Leases up to `limit` due score jobs, oldest first, skipping rows another claim holds. */
export async function claimDueScores(
  client: Queryable,
  options: { workerId: string; leaseSeconds: number; limit: number },
): Promise<ScoreJob[]> {
  if (options.limit <= 0) return [];
  const result = await client.query<{ video_id: string; attempts: number }>(
    `with candidates as (
       select s.video_id from video_scores s join videos v on v.id = s.video_id
       where ${dueCondition}
       order by s.next_attempt_at, s.video_id
       limit $3
       for update of s skip locked)
     update video_scores s
     set status = 'running', attempts = s.attempts + 1, locked_by = $1,
       locked_until = now() + make_interval(secs => $2::double precision), updated_at = now()
     from candidates c where s.video_id = c.video_id
     returning s.video_id, s.attempts, s.next_attempt_at`,
    [options.workerId, options.leaseSeconds, options.limit],
  );
  return result.rows.map((row) => ({ id: row.video_id, attempts: row.attempts }));
}

/** Pushes forward the leases this worker still holds; returns the video ids it still holds. */
export async function extendScoreLeases(
  client: Queryable,
  options: { workerId: string; ids: string[]; leaseSeconds: number },
): Promise<string[]> {
  if (options.ids.length === 0) return [];
  const result = await client.query<{ video_id: string }>(
    `update video_scores
     set locked_until = now() + make_interval(secs => $3::double precision)
     where video_id = any($2::text[]) and locked_by = $1 and status = 'running'
     returning video_id`,
    [options.workerId, options.ids, options.leaseSeconds],
  );
  return result.rows.map((row) => row.video_id);
}

export interface ScoreReleaseOptions {
  id: string;
  workerId: string;
  delaySeconds: number;
  /** Why the handler gave up this time; null when the job is only handed back (shutdown). */
  failureMessage: string | null;
}

/**
 * Fenced: queues the job again after `delaySeconds`. A job handed back unworked gets its attempt
 * back, so a shutdown never counts against `maxAttempts`.
 */
export async function releaseScore(
  client: Queryable,
  options: ScoreReleaseOptions,
): Promise<boolean> {
  const result = await client.query(
    `update video_scores
     set status = 'queued', locked_by = null, locked_until = null, updated_at = now(),
       next_attempt_at = now() + make_interval(secs => $3::double precision),
       attempts = case when $4::text is null then greatest(attempts - 1, 0) else attempts end,
       error_code = case when $4::text is null then error_code else 'scoring_failed' end,
       error_message = coalesce($4::text, error_message)
     where video_id = $1 and locked_by = $2 and status = 'running'`,
    [options.id, options.workerId, options.delaySeconds, options.failureMessage],
  );
  return result.rowCount > 0;
}

/** Graceful shutdown: every running job of this worker is due again at once, attempt refunded. */
export async function releaseAllScores(
  client: Queryable,
  options: { workerId: string },
): Promise<number> {
  const result = await client.query(
    `update video_scores
     set status = 'queued', locked_by = null, locked_until = null, updated_at = now(),
       next_attempt_at = now(), attempts = greatest(attempts - 1, 0)
     where locked_by = $1 and status = 'running'`,
    [options.workerId],
  );
  return result.rowCount;
}

/**
 * Puts jobs whose worker died (lease lapsed) back in the queue, due at once. The lost attempt
 * stays counted: a video that kills its scorer every time must not loop forever.
 */
export async function reapExpiredScoreLeases(client: Queryable): Promise<number> {
  const result = await client.query(
    `update video_scores s
     set status = 'queued', locked_by = null, locked_until = null, next_attempt_at = now(),
       updated_at = now()
     where s.status = 'running' and ${leaseLapsed}`,
  );
  return result.rowCount;
}
