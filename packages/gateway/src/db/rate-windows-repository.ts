import type { Queryable } from './queryable.js';

export interface RateCount {
  /** The limit that applies to this key, or null when none does (nothing was counted). */
  limit: number | null;
  /** Creates in the current minute, this one included. */
  count: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
}

/**
 * Counts one create against the key's current minute, atomically, and says what the limit is:
 * the project's own (`projectLimits`, by project name) or the default. One statement, so
 * concurrent creates from any number of processes are each counted once.
 */
export async function countCreate(
  client: Queryable,
  args: {
    projectId: string;
    apiKeyId: string;
    defaultLimit: number | null;
    projectLimits: Record<string, number>;
  },
): Promise<RateCount> {
  const { rows } = await client.query<{
    limit: number | null;
    count: number | null;
    reset_seconds: string | number | null;
  }>(
    `with applies as (
       select coalesce(($3::jsonb ->> p.name)::int, $2::int) as value
       from projects p where p.id = $1),
     pruned as (
       delete from rate_windows
       where api_key_id = $4 and window_start < date_trunc('minute', now())),
     counted as (
       insert into rate_windows (api_key_id, window_start, count)
       select $4, date_trunc('minute', now()), 1 from applies where value is not null
       on conflict (api_key_id, window_start) do update set count = rate_windows.count + 1
       returning count, window_start)
     select applies.value as limit, counted.count,
       ceil(extract(epoch from counted.window_start + interval '1 minute' - now()))
         as reset_seconds
     from applies left join counted on true`,
    [args.projectId, args.defaultLimit, JSON.stringify(args.projectLimits), args.apiKeyId],
  );
  const row = rows[0];
  return {
    limit: row?.limit ?? null,
    count: row?.count ?? 0,
    resetSeconds: Math.max(0, Number(row?.reset_seconds ?? 0)),
  };
}
