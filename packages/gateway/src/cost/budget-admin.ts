import { randomBytes } from 'node:crypto';
import { InvalidRequestError, NotFoundError } from '@vgw/spec';
import {
  deleteBudget,
  listBudgets,
  setBudget,
  type BudgetPeriod,
  type BudgetRecord,
} from '../db/budgets-repository.js';
import type { Queryable } from '../db/queryable.js';
import { projectByName } from './project-by-name.js';

export const budgetPeriods: readonly BudgetPeriod[] = ['day', 'month', 'total'];

export interface BudgetRequest {
  projectName: string;
  /** A key of that project (`key_…`); absent for a budget on the whole project. */
  apiKeyId: string | null;
  period: string;
  limitMicroUsd: number;
}

async function checkKeyOf(client: Queryable, projectId: string, apiKeyId: string): Promise<void> {
  const { rows } = await client.query<{ project_id: string }>(
    'select project_id from api_keys where id = $1',
    [apiKeyId],
  );
  const key = rows[0];
  if (key == null) throw new NotFoundError(`no API key with id "${apiKeyId}"`, 'key');
  if (key.project_id !== projectId) {
    throw new InvalidRequestError(`API key "${apiKeyId}" belongs to another project`, 'key');
  }
}

/** Sets (creates or replaces) a budget, refusing an unknown project or key, or a bad figure. */
export async function setProjectBudget(
  client: Queryable,
  request: BudgetRequest,
): Promise<BudgetRecord> {
  if (!(budgetPeriods as readonly string[]).includes(request.period)) {
    throw new InvalidRequestError(
      `period must be one of ${budgetPeriods.join(', ')}; got "${request.period}"`,
      'period',
    );
  }
  if (!Number.isSafeInteger(request.limitMicroUsd) || request.limitMicroUsd < 0) {
    throw new InvalidRequestError('a budget is a non-negative amount of USD', 'usd');
  }
  const projectId = (await projectByName(client, request.projectName)).id;
  if (request.apiKeyId != null) await checkKeyOf(client, projectId, request.apiKeyId);
  return setBudget(client, {
    id: `budget_${randomBytes(8).toString('hex')}`,
    projectId,
    apiKeyId: request.apiKeyId,
    period: request.period as BudgetPeriod,
    limitMicroUsd: request.limitMicroUsd,
  });
}

export async function listProjectBudgets(
  client: Queryable,
  projectName: string | null = null,
): Promise<BudgetRecord[]> {
  if (projectName == null) return listBudgets(client);
  return listBudgets(client, { projectId: (await projectByName(client, projectName)).id });
}

export async function deleteProjectBudget(client: Queryable, id: string): Promise<void> {
  if (!(await deleteBudget(client, id))) {
    throw new NotFoundError(`no budget with id "${id}"`, 'id');
  }
}
