import type { Queryable } from './queryable.js';

export type BudgetPeriod = 'day' | 'month' | 'total';

export interface BudgetRecord {
  id: string;
  projectId: string;
  projectName: string;
  /** Null for a budget on the whole project. */
  apiKeyId: string | null;
  period: BudgetPeriod;
  limitMicroUsd: number;
  /** Spent in the current period: settled amounts, plus open reservations and money at risk. */
  spentMicroUsd: number;
}

interface BudgetRow {
  id: string;
  project_id: string;
  project_name: string;
  api_key_id: string | null;
  period: BudgetPeriod;
  limit_micro_usd: string | number;
  spent_micro_usd: string | number;
}

/**
 * What a budget's period has consumed: for every attempt reserved since the period began (UTC
 * days and months), its settled amount if settled, else its reservation. The arguments are SQL
 * column expressions of the budget row, never input.
 */
function spentSql(project: string, key: string, period: string): string {
  return `select coalesce(sum(coalesce(ending.amount_micro_usd, reserve.amount_micro_usd)), 0)
    from ledger_entries reserve
    left join ledger_entries ending
      on ending.video_id = reserve.video_id and ending.attempt = reserve.attempt
      and ending.kind <> 'reserve'
    where reserve.kind = 'reserve' and reserve.project_id = ${project}
      and (${key} is null or reserve.api_key_id = ${key})
      and reserve.at >= case ${period}
        when 'day' then date_trunc('day', now(), 'UTC')
        when 'month' then date_trunc('month', now(), 'UTC')
        else '-infinity'::timestamptz end`;
}

function toBudget(row: BudgetRow): BudgetRecord {
  return {
    id: row.id,
    projectId: row.project_id,
    projectName: row.project_name,
    apiKeyId: row.api_key_id,
    period: row.period,
    limitMicroUsd: Number(row.limit_micro_usd),
    spentMicroUsd: Number(row.spent_micro_usd),
  };
}

const selectBudgets = `
  select b.id, b.project_id, p.name as project_name, b.api_key_id, b.period, b.limit_micro_usd,
    (${spentSql('b.project_id', 'b.api_key_id', 'b.period')}) as spent_micro_usd
  from budgets b join projects p on p.id = b.project_id`;

/** Creates or replaces the budget for that project, key and period. */
export async function setBudget(
  client: Queryable,
  budget: {
    id: string;
    projectId: string;
    apiKeyId: string | null;
    period: BudgetPeriod;
    limitMicroUsd: number;
  },
): Promise<BudgetRecord> {
  const result = await client.query<{ id: string }>(
    `insert into budgets (id, project_id, api_key_id, period, limit_micro_usd)
     values ($1, $2, $3, $4, $5)
     on conflict (project_id, coalesce(api_key_id, ''), period)
       do update set limit_micro_usd = excluded.limit_micro_usd, updated_at = now()
     returning id`,
    [budget.id, budget.projectId, budget.apiKeyId, budget.period, budget.limitMicroUsd],
  );
  const id = (result.rows[0] as { id: string }).id;
  const [stored] = await listBudgets(client, { id });
  return stored as BudgetRecord;
}

export async function listBudgets(
  client: Queryable,
  filter: { id?: string; projectId?: string } = {},
): Promise<BudgetRecord[]> {
  const result = await client.query<BudgetRow>(
    `${selectBudgets}
     where ($1::text is null or b.id = $1) and ($2::text is null or b.project_id = $2)
     order by p.name, b.api_key_id nulls first, b.period`,
    [filter.id ?? null, filter.projectId ?? null],
  );
  return result.rows.map(toBudget);
}

export async function deleteBudget(client: Queryable, id: string): Promise<boolean> {
  const result = await client.query('delete from budgets where id = $1', [id]);
  return result.rowCount > 0;
}

/**
 * Inside a create's transaction: locks every budget that applies to this project and key, then
 * reads what each has spent. Concurrent creates under one budget wait here for each other, so
 * each sees the reservations of those before it and none can overspend.
 */
export async function lockBudgetsFor(
  client: Queryable,
  scope: { projectId: string; apiKeyId: string | null },
): Promise<BudgetRecord[]> {
  const locked = await client.query<{ id: string }>(
    `select id from budgets
     where project_id = $1 and (api_key_id is null or api_key_id = $2)
     order by id for update`,
    [scope.projectId, scope.apiKeyId],
  );
  if (locked.rowCount === 0) return [];
  const result = await client.query<BudgetRow>(
    `${selectBudgets} where b.id = any($1::text[]) order by b.id`,
    [locked.rows.map((row) => row.id)],
  );
  return result.rows.map(toBudget);
}
