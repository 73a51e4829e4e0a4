import { lockBudgetsFor, type BudgetRecord } from '../db/budgets-repository.js';
import type { Queryable } from '../db/queryable.js';
import { BudgetExceededError } from './budget-exceeded-error.js';
import { formatUsd } from './money.js';

function describeBudget(budget: BudgetRecord): string {
  const scope =
    budget.apiKeyId != null
      ? `key ${budget.apiKeyId} of project "${budget.projectName}"`
      : `project "${budget.projectName}"`;
  const period =
    budget.period === 'total' ? 'total' : `${budget.period}ly`.replace('dayly', 'daily');
  return `the ${period} budget of ${scope} (${formatUsd(budget.limitMicroUsd)} USD)`;
}

/**
 * Inside the transaction that will write the reservation: locks the budgets that apply and
 * refuses the estimate if it would take any of them past its limit. Spending exactly up to the
 * limit is allowed; a free render (0) always fits. `subject` names what is estimated in the refusal.
 */
export async function checkBudgets(
  client: Queryable,
  scope: { projectId: string; apiKeyId: string | null },
  estimateMicroUsd: number,
  subject = 'this video',
): Promise<void> {
  for (const budget of await lockBudgetsFor(client, scope)) {
    const left = Math.max(0, budget.limitMicroUsd - budget.spentMicroUsd);
    if (estimateMicroUsd > left) {
      throw new BudgetExceededError(
        `${describeBudget(budget)} has ${formatUsd(left)} USD left; ${subject} is estimated at ${formatUsd(estimateMicroUsd)} USD`,
      );
    }
  }
}
