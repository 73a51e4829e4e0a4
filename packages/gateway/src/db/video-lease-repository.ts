import type { JSONObject } from '@vgw/spec';
import type { Database, Queryable } from './queryable.js';
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

/**
 * Renders one project may have running at once. A video holds one of its project's slots while
 * it is unfinished and either rendering (its operation is saved) or leased (being started).
 */
export interface RenderLimits {
  /** Every project's, unless `projects` names it. */
  perProject: number;
  /** Overrides by project name. */
  projects: Readonly<Record<string, number>>;
}

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
  /** Caps on starting renders, per project; absent: none (claims still rotate by project). */
  renderLimits?: RenderLimits;
}

/** How long past its deadline a video waits for a worker that serves its model to expire it. */
const foreignExpiryGrace = "interval '5 minutes'";

// Any constant works; it only has to be the same for every vgw process on one database, and
// differ from the migrations' lock.
const claimLockId = 7_261_305;

// Window functions and FOR UPDATE may not share a query level, so the ranks are made in CTEs
// and the rows locked in a level of their own, which re-checks `dueCondition` on the newest
// version of each row: a video finished since the statement's snapshot is not claimed.
const claimStatement = `with held as (
    select project_id, count(*)::int as slots from videos
    where status in ('queued', 'in_progress') and deleted_at is null
      and (operation is not null or (locked_by is not null and not ${leaseLapsed}))
    group by project_id),
  due as (
    select id, project_id, next_check_at,
      (operation is null and deadline_at >= now()) as starts
    from videos
    where ${dueCondition}
      and ($4::text[] is null or model = any($4::text[])
        or deadline_at + ${foreignExpiryGrace} < now())),
  ranked as (
    select d.id, d.project_id, d.next_check_at, d.starts,
      row_number() over (partition by d.project_id, d.starts order by d.next_check_at, d.id)
        as place,
      coalesce(($6::jsonb ->> p.name)::int, $5::int) - coalesce(h.slots, 0) as free_slots
    from due d
    left join projects p on p.id = d.project_id
    left join held h on h.project_id = d.project_id),
  allowed as (
    select id, row_number() over (partition by project_id order by next_check_at, id) as turn
    from ranked
    where not starts or free_slots is null or place <= free_slots),
  candidates as (
    select v.id, v.locked_by as previous_worker from videos v
    join allowed a on a.id = v.id
    where ${dueCondition}
    order by a.turn, v.next_check_at, v.id
    limit $3
    for update of v skip locked),
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
  select * from claimed order by next_check_at, id`;

/**
 * Leases up to `limit` due videos in one claim statement. Candidates take turns by project: each
 * project's oldest due video (by `next_check_at`) first, then each one's second, and so on, so
 * a project with a deep queue never starves another. A video not yet started is claimed only
 * while its project has a render slot free (`renderLimits`); a started one is always claimable,
 * as its status still needs checking. Rows another transaction is claiming are skipped rather
 * than waited for. Taking over an expired lease leaves a `lease_taken_over` event naming the
 * previous holder.
 *
 * With render limits, claims are serialised by a transaction-scoped advisory lock: two claims
 * counting the same free slots at once would otherwise both fill them.
 */
export async function claimDueVideos(
  database: Database,
  options: ClaimOptions,
): Promise<VideoRecord[]> {
  if (options.limit <= 0) return [];
  const limits = options.renderLimits;
  const params = [
    options.workerId,
    options.leaseSeconds,
    options.limit,
    options.models ?? null,
    limits?.perProject ?? null,
    JSON.stringify(limits?.projects ?? {}),
  ];
  const claim = async (client: Queryable) => {
    const result = await client.query<VideoRow & { previous_worker: string | null }>(
      claimStatement,
      params,
    );
    return result.rows.map(toVideoRecord);
  };
  if (limits == null) return claim(database);
  return database.transaction(async (client) => {
    await client.query('select pg_advisory_xact_lock($1)', [claimLockId]);
    return claim(client);
  });
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
