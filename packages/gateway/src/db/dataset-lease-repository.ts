import type { Queryable } from './queryable.js';

/**
 * Leases on `dataset_exports` rows, the protocol of the score leases: a worker owns a row while
 * `locked_by` names it and `locked_until` is in the future, every time from `now()`.
 */
export interface DatasetJob {
  id: string;
  /** Claims so far, this one included. */
  attempts: number;
}

const leaseLapsed = '(locked_until is null or locked_until < now())';

export async function claimDueDatasets(
  client: Queryable,
  options: { workerId: string; leaseSeconds: number; limit: number },
): Promise<DatasetJob[]> {
  if (options.limit <= 0) return [];
  const result = await client.query<{ id: string; attempts: number }>(
    `with candidates as (
       select id from dataset_exports
       where (status = 'queued' and next_attempt_at <= now())
         or (status = 'running' and ${leaseLapsed})
       order by next_attempt_at, id limit $3
       for update skip locked)
     update dataset_exports d
     set status = 'running', attempts = d.attempts + 1, locked_by = $1,
       locked_until = now() + make_interval(secs => $2::double precision), updated_at = now()
     from candidates c where d.id = c.id
     returning d.id, d.attempts`,
    [options.workerId, options.leaseSeconds, options.limit],
  );
  return result.rows;
}

export async function extendDatasetLeases(
  client: Queryable,
  options: { workerId: string; ids: string[]; leaseSeconds: number },
): Promise<string[]> {
  if (options.ids.length === 0) return [];
  const result = await client.query<{ id: string }>(
    `update dataset_exports
     set locked_until = now() + make_interval(secs => $3::double precision)
     where id = any($2::text[]) and locked_by = $1 and status = 'running'
     returning id`,
    [options.workerId, options.ids, options.leaseSeconds],
  );
  return result.rows.map((row) => row.id);
}

/** Fenced: due again after `delaySeconds`; a job handed back unworked gets its attempt back. */
export async function releaseDataset(
  client: Queryable,
  options: { id: string; workerId: string; delaySeconds: number; failureMessage: string | null },
): Promise<boolean> {
  const result = await client.query(
    `update dataset_exports
     set status = 'queued', locked_by = null, locked_until = null, updated_at = now(),
       next_attempt_at = now() + make_interval(secs => $3::double precision),
       attempts = case when $4::text is null then greatest(attempts - 1, 0) else attempts end,
       error_message = coalesce($4::text, error_message)
     where id = $1 and locked_by = $2 and status = 'running'`,
    [options.id, options.workerId, options.delaySeconds, options.failureMessage],
  );
  return result.rowCount > 0;
}

export async function releaseAllDatasets(
  client: Queryable,
  options: { workerId: string },
): Promise<number> {
  const result = await client.query(
    `update dataset_exports
     set status = 'queued', locked_by = null, locked_until = null, updated_at = now(),
       next_attempt_at = now(), attempts = greatest(attempts - 1, 0)
     where locked_by = $1 and status = 'running'`,
    [options.workerId],
  );
  return result.rowCount;
}

/** Exports whose worker died go back in the queue; the lost attempt stays counted. */
export async function reapExpiredDatasetLeases(client: Queryable): Promise<number> {
  const result = await client.query(
    `update dataset_exports
     set status = 'queued', locked_by = null, locked_until = null, next_attempt_at = now(),
       updated_at = now()
     where status = 'running' and ${leaseLapsed}`,
  );
  return result.rowCount;
}
