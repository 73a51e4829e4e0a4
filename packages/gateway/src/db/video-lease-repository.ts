import type { JSONObject } from '@vgw/spec';
import type { Queryable } from './queryable.js';
import { toVideoRecord, type VideoRecord, type VideoRow } from './video-record.js';

/**
 * Leases on `videos` rows: the row is the unit of work, and a worker owns it while `locked_by`
 * names it and `lease_expires_at` is in the future. Every time comes from the database clock
 * (`now()`), so workers on machines with skewed clocks still agree on who holds what.
 */

// A lease with no expiry is treated as expired: nobody can heartbeat a row into that state, so
// only a crash half-way through some manual edit leaves it, and it must not stay stuck forever.
const leaseLapsed = '(lease_expires_at is null or lease_expires_at < now())';

const dueCondition = `status in ('queued', 'in_progress') and deleted_at is null
  and next_check_at <= now() and (locked_by is null or ${leaseLapsed})`;

export interface ClaimOptions {
  workerId: string;
  leaseSeconds: number;
  limit: number;
  /**
   * The models this worker can serve (canonical names); absent means every model. During a
   * rolling deploy a worker without a provider's credentials leaves that provider's videos to a
   * worker that has them, and only expires them once they are well past their deadline.
   */
  models?: readonly string[];
}

/** How long past its deadline a video waits for a worker that serves its model to expire it. */
const foreignExpiryGrace = "interval '5 minutes'";

/**
 * Leases up to `limit` due videos, oldest `next_check_at` first, in one statement. Rows another
 * transaction is claiming are skipped rather than waited for, so concurrent workers never block
 * each other nor claim the same row. Taking over an expired lease leaves a `lease_taken_over`
 * event naming the previous holder.
 */
export async function claimDueVideos(
  client: Queryable,
  options: ClaimOptions,
): Promise<VideoRecord[]> {
  if (options.limit <= 0) return [];
  const result = await client.query<VideoRow & { previous_worker: string | null }>(
    `with candidates as (
       select id, locked_by as previous_worker from videos
       where ${dueCondition}
         and ($4::text[] is null or model = any($4::text[])
           or deadline_at + ${foreignExpiryGrace} < now())
       order by next_check_at, id
       limit $3
       for update skip locked),
     claimed as (
       update videos v
       set locked_by = $1, lease_expires_at = now() + make_interval(secs => $2::double precision)
       from candidates c where v.id = c.id
       returning v.*, c.previous_worker, v.deadline_at < now() as past_deadline),
     taken_over as (
       insert into video_events (video_id, actor, type, from_status, to_status, detail)
       select id, $1, 'lease_taken_over', status, status,
         jsonb_build_object('previous', previous_worker)
       from claimed where previous_worker is not null)
     select * from claimed order by next_check_at, id`,
    [options.workerId, options.leaseSeconds, options.limit, options.models ?? null],
  );
  return result.rows.map(toVideoRecord);
}

export interface ExtendLeasesOptions {
  workerId: string;
  ids: string[];
  leaseSeconds: number;
}

/** Pushes the leases this worker still holds forward; returns the ids it still holds. */
export async function extendLeases(
  client: Queryable,
  options: ExtendLeasesOptions,
): Promise<string[]> {
  if (options.ids.length === 0) return [];
  const result = await client.query<{ id: string }>(
    `update videos
     set lease_expires_at = now() + make_interval(secs => $3::double precision)
     where id = any($2::text[]) and locked_by = $1
     returning id`,
    [options.workerId, options.ids, options.leaseSeconds],
  );
  return result.rows.map((row) => row.id);
}

export interface ReleaseOptions {
  id: string;
  workerId: string;
  delaySeconds: number;
  /** Appended to `video_events` in the same statement, only when the release took effect. */
  event?: { type: string; detail: JSONObject };
}

/**
 * Gives the lease back and schedules the next look at the video. Fenced: returns false, and
 * changes nothing, when this worker no longer holds the lease.
 */
export async function releaseVideo(client: Queryable, options: ReleaseOptions): Promise<boolean> {
  const result = await client.query<{ id: string }>(
    `with released as (
       update videos
       set locked_by = null, lease_expires_at = null,
         next_check_at = now() + make_interval(secs => $3::double precision)
       where id = $1 and locked_by = $2
       returning id, status),
     event as (
       insert into video_events (video_id, actor, type, from_status, to_status, detail)
       select id, $2, $4::text, status, status, $5::jsonb from released where $4::text is not null)
     select id from released`,
    [
      options.id,
      options.workerId,
      options.delaySeconds,
      options.event?.type ?? null,
      JSON.stringify(options.event?.detail ?? {}),
    ],
  );
  return result.rows.length > 0;
}

/**
 * Drops every lease this worker holds (graceful shutdown). Unfinished videos become due at once
 * so another worker picks them up without waiting for the lease to run out. Returns the count.
 */
export async function releaseAll(
  client: Queryable,
  options: { workerId: string },
): Promise<number> {
  const result = await client.query<{ id: string }>(
    `update videos
     set locked_by = null, lease_expires_at = null,
       next_check_at = case when status in ('queued', 'in_progress') then now()
         else next_check_at end
     where locked_by = $1
     returning id`,
    [options.workerId],
  );
  return result.rows.length;
}

/**
 * Clears leases that ran out, with a `lease_expired` event naming the worker that lost each.
 * Claiming takes expired leases over by itself; reaping keeps `locked_by` honest for readers
 * (status pages, metrics) and records the crash in the audit trail.
 */
export async function reapExpiredLeases(client: Queryable, actor = 'reaper'): Promise<number> {
  const result = await client.query<{ id: string }>(
    `with expired as (
       select id, locked_by as previous_worker from videos
       where locked_by is not null and ${leaseLapsed}
       for update skip locked),
     reaped as (
       update videos v set locked_by = null, lease_expires_at = null
       from expired e where v.id = e.id
       returning v.id, v.status, e.previous_worker),
     event as (
       insert into video_events (video_id, actor, type, from_status, to_status, detail)
       select id, $1, 'lease_expired', status, status,
         jsonb_build_object('previous', previous_worker)
       from reaped)
     select id from reaped`,
    [actor],
  );
  return result.rows.length;
}

/** How many videos a worker could claim right now (for metrics and health). */
export async function countDueVideos(client: Queryable): Promise<number> {
  const result = await client.query<{ due: number }>(
    `select count(*)::int as due from videos where ${dueCondition}`,
  );
  return result.rows[0]?.due ?? 0;
}
