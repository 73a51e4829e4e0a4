import type { JSONValue } from '@vgw/spec';
import type { Queryable } from './queryable.js';

/**
 * A provider's webhook says a render changed: bring its next status check forward. Matches on a
 * fragment of the stored operation (`operation @> match`), so only that provider's live renders
 * are touched, and wakes the workers in the same statement.
 */
export async function wakeRendersMatching(
  client: Queryable,
  args: {
    provider: string;
    operationMatch: JSONValue;
    channel: string;
    /** One render is brought forward at most this often, however many webhooks arrive. */
    minimumIntervalSeconds: number;
  },
): Promise<string[]> {
  const result = await client.query<{ id: string }>(
    `with woken as (
       update videos set next_check_at = now(), woken_at = now()
       where provider = $1 and operation @> $2::jsonb and deleted_at is null
         and status in ('queued', 'in_progress')
         and next_check_at > now()
         and (woken_at is null
           or woken_at < now() - make_interval(secs => $4::double precision))
       returning id)
     select w.id from woken w cross join lateral (select pg_notify($3, w.id)) notified`,
    [args.provider, JSON.stringify(args.operationMatch), args.channel, args.minimumIntervalSeconds],
  );
  return result.rows.map((row) => row.id);
}
