import { GatewayError } from '@vgw/spec';

/**
 * A create (or a further attempt) whose estimate does not fit a budget that applies to it.
 * OpenAI's shape for an exhausted quota: 429 `insufficient_quota`; a retry gets the same answer
 * until the period rolls over or the budget is raised, so no `retry-after`.
 */
export class BudgetExceededError extends GatewayError {
  constructor(message: string) {
    super(message, { status: 429, code: 'budget_exceeded', type: 'insufficient_quota' });
  }
}
