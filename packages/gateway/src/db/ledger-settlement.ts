import type { Queryable } from './queryable.js';

/** How a video's reservation ends; `unknown` billing leaves the estimate at risk. */
export interface LedgerSettlement {
  outcome: 'billed' | 'not_billed' | 'unknown';
  rule: string;
}

/**
 * Assignments and a CTE that settle the video's open reservation in the transition's own
 * statement, so no crash can leave a finished video's money unsettled. `$n` is the outcome and
 * `$n+1` the rule; the unique ledger index makes a repeated settlement a no-op.
 */
export function settlementParts(index: number) {
  const amount = `case $${index}::text when 'not_billed' then 0 when 'billed' then v.estimate_micro_usd end`;
  return {
    assignment: `actual_micro_usd = ${amount}`,
    cte: `settled as (
      insert into ledger_entries (project_id, api_key_id, video_id, attempt, kind,
        amount_micro_usd, basis, rule)
      select r.project_id, r.api_key_id, r.video_id, r.attempt,
        case $${index}::text when 'unknown' then 'at_risk' else 'settle' end,
        case $${index}::text when 'not_billed' then 0 else r.amount_micro_usd end,
        r.basis, $${index + 1}::text
      from changed c
      join ledger_entries r on r.video_id = c.id and r.kind = 'reserve'
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
  const parts = settlementParts(2);
  await client.query(
    `with changed as (
       update videos v set ${parts.assignment}
       where v.id = $1 and not exists (
         select 1 from ledger_entries e where e.video_id = v.id and e.kind <> 'reserve')
       returning v.id),
     ${parts.cte}
     select 1`,
    [videoId, settlement.outcome, settlement.rule],
  );
}
