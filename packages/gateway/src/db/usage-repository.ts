import type { Queryable } from './queryable.js';
import { usageGroupColumns, videoAndAttemptJoins } from './usage-group-columns.js';
import { upstreamRejection } from './usage-report-repository.js';

/** What `GET /v1/usage` may group by (OpenAI's costs API has no routes). */
export type UsageGroup = 'model' | 'provider' | 'key';
export const usageGroups: readonly UsageGroup[] = ['model', 'provider', 'key'];

export interface UsageQuery {
  projectId: string;
  /** Unix seconds: the first bucket starts here; each is `bucketSeconds` long. */
  startSeconds: number;
  endSeconds: number;
  bucketSeconds: number;
  groupBy: readonly UsageGroup[];
}

export interface UsageRow {
  /** Which bucket, counted from `startSeconds`. */
  bucket: number;
  model: string | null;
  provider: string | null;
  key: string | null;
  /** Integer micro-USD settled in the bucket (0 for renders the provider does not bill). */
  settledMicroUsd: number;
  /** Integer micro-USD whose billing is unknown, counted as spent. */
  atRiskMicroUsd: number;
  /** Reservations made in the bucket and not settled yet. */
  reservedMicroUsd: number;
  /** Attempts settled or put at risk in the bucket. */
  endedAttempts: number;
  /** Of those, the ones a provider's moderation refused. */
  upstreamRejections: number;
}

interface Row {
  bucket: number | string;
  model?: string | null;
  provider?: string | null;
  key?: string | null;
  settled: string | number | null;
  at_risk: string | number | null;
  reserved: string | number | null;
  ended: string | number;
  upstream_rejections: string | number;
}

/**
 * The project's ledger summed per time bucket and group. A settlement or an amount at risk
 * counts when it was written; a reservation counts only while it is open, when it was made. So
 * every ledger amount lands in exactly one bucket, and usage sums equal ledger sums exactly.
 */
export async function usageRows(client: Queryable, query: UsageQuery): Promise<UsageRow[]> {
  const groups = query.groupBy.map((group) => `${usageGroupColumns[group]} as ${group}`);
  const keys = query.groupBy.map((group) => usageGroupColumns[group]);
  const result = await client.query<Row>(
    `select floor((extract(epoch from e.at) - $2) / $4)::int as bucket
       ${groups.map((group) => `, ${group}`).join('')},
       sum(e.amount_micro_usd) filter (where e.kind = 'settle') as settled,
       sum(e.amount_micro_usd) filter (where e.kind = 'at_risk') as at_risk,
       sum(e.amount_micro_usd) filter (where e.kind = 'reserve') as reserved,
       count(*) filter (where e.kind <> 'reserve') as ended,
       count(*) filter (where ${upstreamRejection}) as upstream_rejections
     from ledger_entries e ${videoAndAttemptJoins}
     where e.project_id = $1 and e.at >= to_timestamp($2) and e.at < to_timestamp($3)
       and (e.kind <> 'reserve' or not exists (
         select 1 from ledger_entries ending
         where ending.video_id = e.video_id and ending.attempt = e.attempt
           and ending.kind <> 'reserve'))
     group by 1${keys.map((key) => `, ${key}`).join('')}
     order by 1${keys.map((key) => `, ${key}`).join('')}`,
    [query.projectId, query.startSeconds, query.endSeconds, query.bucketSeconds],
  );
  return result.rows.map((row) => ({
    bucket: Number(row.bucket),
    model: row.model ?? null,
    provider: row.provider ?? null,
    key: row.key ?? null,
    settledMicroUsd: Number(row.settled ?? 0),
    atRiskMicroUsd: Number(row.at_risk ?? 0),
    reservedMicroUsd: Number(row.reserved ?? 0),
    endedAttempts: Number(row.ended),
    upstreamRejections: Number(row.upstream_rejections),
  }));
}
