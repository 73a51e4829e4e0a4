import type { Queryable } from './queryable.js';
import {
  usageGroupColumns,
  videoAndAttemptJoins,
  type UsageGroupColumn,
} from './usage-group-columns.js';

export interface UsageReportQuery {
  projectId: string;
  /** Exactly one: an instant, or a span back from the database's clock. */
  since: { at: Date } | { secondsAgo: number };
  groupBy: UsageGroupColumn | null;
}

/** One group's figures, or the project's totals; money in integer micro-USD. */
export interface UsageReportFigures {
  videos: number;
  attempts: number;
  finishedSeconds: number;
  settledMicroUsd: number;
  atRiskMicroUsd: number;
  openMicroUsd: number;
  failureMicroUsd: number;
  neverDownloadedMicroUsd: number;
  /** Attempts a provider's moderation refused: too many put the provider account at risk. */
  upstreamRejections: number;
}

export interface UsageReportRows {
  since: Date;
  until: Date;
  groups: (UsageReportFigures & { group: string | null })[];
  totals: UsageReportFigures;
}

type Count = string | number;

interface Row {
  since: Date;
  until: Date;
  group_value: string | null;
  is_total: Count;
  videos: Count;
  attempts: Count;
  finished_seconds: Count;
  settled: Count;
  at_risk: Count;
  open_reserved: Count;
  failure: Count;
  never_downloaded: Count;
  upstream_rejections: Count;
}

/**
 * Each attempt counts once, by the one ledger entry that holds its money now: its ending
 * (`settle` or `at_risk`) if it has one, when that was written, else its open reservation, when
 * that was made. `GET /v1/usage` counts the same way, so the two agree with each other and with
 * the ledger. Amounts are read from the ledger alone; the attempt and video rows only classify
 * them (failed, finished, downloaded).
 */
const boundsAndCounted = `bounds as (
    select now() as until,
      coalesce($2::timestamptz, now() - make_interval(secs => $3::double precision)) as since),
  counted as (
    select e.* from ledger_entries e, bounds
    where e.project_id = $1 and e.at >= bounds.since
      and (e.kind <> 'reserve' or not exists (
        select 1 from ledger_entries ending
        where ending.video_id = e.video_id and ending.attempt = e.attempt
          and ending.kind <> 'reserve')))`;

/** Money spent (settled or at risk) by the attempts that meet `condition`. */
const spentWhere = (condition: string) =>
  `coalesce(sum(e.amount_micro_usd) filter (where e.kind <> 'reserve' and ${condition}), 0)`;

/**
 * An ended attempt the provider refused on content grounds. The gateway's own refusal of an
 * output shares the code but is settled by its own rule, so it is not counted as the provider's.
 */
export const upstreamRejection = `e.kind <> 'reserve' and a.error->>'code' = 'content_policy_violation'
    and coalesce(e.rule, '') <> 'billed:output_refused'`;

const figures = `count(distinct e.video_id) as videos,
    count(e.id) as attempts,
    coalesce(sum(v.seconds) filter (where a.status = 'completed'), 0) as finished_seconds,
    coalesce(sum(e.amount_micro_usd) filter (where e.kind = 'settle'), 0) as settled,
    coalesce(sum(e.amount_micro_usd) filter (where e.kind = 'at_risk'), 0) as at_risk,
    coalesce(sum(e.amount_micro_usd) filter (where e.kind = 'reserve'), 0) as open_reserved,
    ${spentWhere("a.status in ('failed', 'rejected')")} as failure,
    ${spentWhere("v.status = 'completed' and v.first_downloaded_at is null")} as never_downloaded,
    count(e.id) filter (where ${upstreamRejection}) as upstream_rejections`;

function toFigures(row: Row): UsageReportFigures {
  return {
    videos: Number(row.videos),
    attempts: Number(row.attempts),
    finishedSeconds: Number(row.finished_seconds),
    settledMicroUsd: Number(row.settled),
    atRiskMicroUsd: Number(row.at_risk),
    openMicroUsd: Number(row.open_reserved),
    failureMicroUsd: Number(row.failure),
    neverDownloadedMicroUsd: Number(row.never_downloaded),
    upstreamRejections: Number(row.upstream_rejections),
  };
}

/** With a group, grouping sets give each group's row and the totals' from the same scan. */
function groupingSql(column: string | null) {
  if (column == null) {
    return {
      select: 'null::text as group_value, 1 as is_total',
      groupBy: 'bounds.since, bounds.until',
      having: '',
    };
  }
  return {
    select: `${column} as group_value, grouping(${column}) as is_total`,
    groupBy: `grouping sets ((bounds.since, bounds.until, ${column}), (bounds.since, bounds.until))`,
    // The empty side of the outer join would otherwise show as a group of nothing.
    having: `having count(e.id) > 0 or grouping(${column}) = 1`,
  };
}

/**
 * The project's usage since a time, per group and in total, from one statement: the groups and
 * the totals are read from one snapshot, so the groups' money always adds up to the totals. The
 * outer join keeps the totals row (and the bounds) when nothing was spent.
 */
export async function usageReportRows(
  client: Queryable,
  query: UsageReportQuery,
): Promise<UsageReportRows> {
  const column = query.groupBy != null ? usageGroupColumns[query.groupBy] : null;
  const grouping = groupingSql(column);
  const { rows } = await client.query<Row>(
    `with ${boundsAndCounted}
     select bounds.since, bounds.until, ${grouping.select}, ${figures}
     from bounds left join (counted e ${videoAndAttemptJoins}) on true
     group by ${grouping.groupBy}
     ${grouping.having}
     order by is_total, group_value nulls last`,
    [
      query.projectId,
      'at' in query.since ? query.since.at.toISOString() : null,
      'secondsAgo' in query.since ? query.since.secondsAgo : null,
    ],
  );
  const totals = rows.find((row) => Number(row.is_total) === 1) as Row;
  return {
    since: new Date(totals.since),
    until: new Date(totals.until),
    groups: rows
      .filter((row) => Number(row.is_total) !== 1)
      .map((row) => ({ group: row.group_value, ...toFigures(row) })),
    totals: toFigures(totals),
  };
}
