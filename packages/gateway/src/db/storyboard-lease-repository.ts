import type { Database, Queryable } from './queryable.js';

/**
 * Leases on `storyboards` rows, the protocol of the video and score leases: a worker owns a row
 * while `locked_by` names it and `locked_until` is in the future, every time from `now()`. A
 * storyboard waiting on its shots is due when its recheck time comes, or at once when one of its
 * shot videos changed status since it last looked (so a finished shot is acted on at the next
 * poll, with no notification from the video side).
 */

export interface StoryboardJob {
  id: string;
  /** Handler failures so far (a waiting pass is no failure). */
  attempts: number;
}

const leaseLapsed = '(s.locked_until is null or s.locked_until < now())';

export const activeStoryboardStatuses = `('queued', 'rendering', 'stitching', 'scoring')`;

export const shotStatusSql = `case when v.deleted_at is not null then 'deleted' else v.status end`;

const shotChanged = `exists (
  select 1 from storyboard_shots sh join videos v on v.id = sh.video_id
  where sh.storyboard_id = s.id and (${shotStatusSql}) is distinct from sh.seen_status)`;

const dueCondition = `s.status in ${activeStoryboardStatuses} and ${leaseLapsed}
  and (s.next_attempt_at <= now() or ${shotChanged})`;

export async function claimDueStoryboards(
  database: Database,
  options: { workerId: string; leaseSeconds: number; limit: number },
): Promise<StoryboardJob[]> {
  if (options.limit <= 0) return [];
  const result = await database.query<{ id: string; attempts: number }>(
    `with candidates as (
       select s.id from storyboards s where ${dueCondition}
       order by s.next_attempt_at, s.id
       limit $3
       for update of s skip locked)
     update storyboards s
     set locked_by = $1, updated_at = now(),
       locked_until = now() + make_interval(secs => $2::double precision)
     from candidates c where s.id = c.id
     returning s.id, s.attempts`,
    [options.workerId, options.leaseSeconds, options.limit],
  );
  return result.rows.map((row) => ({ id: row.id, attempts: row.attempts }));
}

export async function extendStoryboardLeases(
  client: Queryable,
  options: { workerId: string; ids: string[]; leaseSeconds: number },
): Promise<string[]> {
  if (options.ids.length === 0) return [];
  const result = await client.query<{ id: string }>(
    `update storyboards
     set locked_until = now() + make_interval(secs => $3::double precision)
     where id = any($2::text[]) and locked_by = $1
     returning id`,
    [options.workerId, options.ids, options.leaseSeconds],
  );
  return result.rows.map((row) => row.id);
}

/** Fenced: due again after `delaySeconds`; a handler failure counts an attempt. */
export async function releaseStoryboard(
  client: Queryable,
  options: { id: string; workerId: string; delaySeconds: number; failureMessage: string | null },
): Promise<boolean> {
  const result = await client.query(
    `update storyboards
     set locked_by = null, locked_until = null, updated_at = now(),
       next_attempt_at = now() + make_interval(secs => $3::double precision),
       attempts = attempts + case when $4::text is null then 0 else 1 end
     where id = $1 and locked_by = $2`,
    [options.id, options.workerId, options.delaySeconds, options.failureMessage],
  );
  return result.rowCount > 0;
}

export async function releaseAllStoryboards(
  client: Queryable,
  options: { workerId: string },
): Promise<number> {
  const result = await client.query(
    `update storyboards
     set locked_by = null, locked_until = null, updated_at = now(), next_attempt_at = now()
     where locked_by = $1`,
    [options.workerId],
  );
  return result.rowCount;
}

/** Rows whose worker died are due again at once (their lapsed lease already makes them due). */
export async function reapExpiredStoryboardLeases(client: Queryable): Promise<number> {
  const result = await client.query(
    `update storyboards s
     set locked_by = null, locked_until = null, next_attempt_at = now(), updated_at = now()
     where s.locked_by is not null and s.locked_until < now()
       and s.status in ${activeStoryboardStatuses}`,
  );
  return result.rowCount;
}
