import type { Queryable } from './queryable.js';

/** How a video's reservation ends; `unknown` billing leaves the estimate at risk. */
export interface LedgerSettlement {
  outcome: 'billed' | 'not_billed' | 'unknown';
  rule: string;
}

/** How the current attempt ends on its `video_attempts` row: its status, and its error as SQL. */
export interface AttemptEnding {
  status: 'completed' | 'failed' | 'rejected';
  /** A SQL expression for the attempt's error (`$3::jsonb`, or `null`). */
  errorSql: string;
}

/**
 * Assignments and CTEs that settle the current attempt's reservation and end its attempt row in
 * the transition's own statement, so no crash can leave a finished attempt's money unsettled.
 * `$n` is the outcome and `$n+1` the rule; the unique ledger index makes a repeated settlement a
 * no-op. The video's actual is the sum over its attempts; billing unknown adds nothing to it.
 * `changed` must return the video's `id` and `attempt`.
 */
export function settlementParts(index: number, ending: AttemptEnding) {
  const outcome = `$${index}::text`;
  const attemptCost = `case ${outcome} when 'not_billed' then 0 when 'billed' then v.estimate_micro_usd end`;
  return {
    assignment: `actual_micro_usd = case ${outcome} when 'unknown' then v.actual_micro_usd
      else coalesce(v.actual_micro_usd, 0) + ${attemptCost} end`,
    cte: `attempt_ended as (
      update video_attempts a set status = '${ending.status}', error = ${ending.errorSql},
        ended_at = now(),
        cost_micro_usd = case ${outcome} when 'not_billed' then 0
          when 'billed' then a.estimate_micro_usd end
      from changed c where a.video_id = c.id and a.number = c.attempt and a.ended_at is null),
    settled as (
      insert into ledger_entries (project_id, api_key_id, video_id, attempt, kind,
        amount_micro_usd, basis, rule)
      select r.project_id, r.api_key_id, r.video_id, r.attempt,
        case $${index}::text when 'unknown' then 'at_risk' else 'settle' end,
        case $${index}::text when 'not_billed' then 0 else r.amount_micro_usd end,
        r.basis, $${index + 1}::text
      from changed c
      join ledger_entries r on r.video_id = c.id and r.attempt = c.attempt and r.kind = 'reserve'
      on conflict do nothing)`,
  };
}

/**
 * Settles a video's reservation outside a worker transition (a video deleted before it
 * finished). A video already settled is left as it is.
 */
export async function settleOpenReservation(
  client: Queryable,
  videoId: string,
  settlement: LedgerSettlement,
): Promise<void> {
  const parts = settlementParts(2, { status: 'failed', errorSql: 'null' });
  await client.query(
    `with changed as (
       update videos v set ${parts.assignment}
       where v.id = $1 and not exists (
         select 1 from ledger_entries e
         where e.video_id = v.id and e.attempt = v.attempt and e.kind <> 'reserve')
       returning v.id, v.attempt),
     ${parts.cte}
     select 1`,
    [videoId, settlement.outcome, settlement.rule],
  );
}
