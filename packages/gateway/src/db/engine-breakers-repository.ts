import type { Queryable } from './queryable.js';

export type BreakerState = 'closed' | 'open' | 'half_open';

/** A model's circuit breaker as the database clock sees it now. */
export interface BreakerHealth {
  model: string;
  state: BreakerState;
  consecutiveFailures: number;
  openUntil: Date | null;
  /** Half-open with its one probe already out: routes keep off it until the probe reports. */
  probing: boolean;
  lastError: string | null;
}

export interface BreakerSettings {
  failureThreshold: number;
  coolDownSeconds: number;
}

interface BreakerRow {
  model: string;
  state: BreakerState;
  consecutive_failures: number;
  open_until: Date | null;
  probing: boolean;
  last_error: string | null;
}

/** Every breaker that has a row; a model without one is closed with no failures. */
export async function readBreakers(client: Queryable): Promise<Map<string, BreakerHealth>> {
  const result = await client.query<BreakerRow>(
    `select model, consecutive_failures, open_until, last_error,
       case when open_until is null then 'closed' when open_until > now() then 'open'
         else 'half_open' end as state,
       coalesce(probe_until > now(), false) as probing
     from engine_breakers`,
  );
  return new Map(
    result.rows.map((row) => [
      row.model,
      {
        model: row.model,
        state: row.state,
        consecutiveFailures: row.consecutive_failures,
        openUntil: row.open_until,
        probing: row.probing,
        lastError: row.last_error,
      },
    ]),
  );
}

/**
 * Takes a half-open breaker's one probe for `holdSeconds`: true for exactly one caller however
 * many processes ask at once (the conditional update is atomic). A probe never reported (its
 * video deleted, its worker gone) lapses after the hold, and another may be taken.
 */
export async function takeProbe(
  client: Queryable,
  model: string,
  holdSeconds: number,
): Promise<boolean> {
  const result = await client.query(
    `update engine_breakers
     set probe_until = now() + make_interval(secs => $2::double precision), updated_at = now()
     where model = $1 and open_until <= now() and (probe_until is null or probe_until <= now())
     returning model`,
    [model, holdSeconds],
  );
  return result.rowCount > 0;
}

/**
 * Counts a failed attempt against the model. The breaker opens when the count reaches the
 * threshold; a failure while half-open (the probe's, or any other's) opens it for another
 * cool-down at once.
 */
export async function recordEngineFailure(
  client: Queryable,
  model: string,
  error: string,
  settings: BreakerSettings,
): Promise<void> {
  await client.query(
    `insert into engine_breakers as b (model, consecutive_failures, open_until, last_error)
     values ($1, 1, case when 1 >= $2 then now() + make_interval(secs => $3::double precision) end, $4)
     on conflict (model) do update set
       consecutive_failures = b.consecutive_failures + 1,
       last_error = excluded.last_error,
       probe_until = null,
       updated_at = now(),
       open_until = case
         when b.open_until is not null and b.open_until > now() then b.open_until
         when b.open_until is not null or b.consecutive_failures + 1 >= $2
           then now() + make_interval(secs => $3::double precision)
       end`,
    [model, settings.failureThreshold, settings.coolDownSeconds, error],
  );
}

/** A completed attempt closes the model's breaker and clears its count. */
export async function recordEngineSuccess(client: Queryable, model: string): Promise<void> {
  await client.query(
    `update engine_breakers
     set consecutive_failures = 0, open_until = null, probe_until = null, updated_at = now()
     where model = $1 and (consecutive_failures > 0 or open_until is not null)`,
    [model],
  );
}
