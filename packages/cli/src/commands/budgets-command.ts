import type { Command } from 'commander';
import {
  budgetPeriods,
  deleteProjectBudget,
  formatUsd,
  listProjectBudgets,
  setProjectBudget,
  usdToMicroUsd,
} from '@vgw/gateway';
import type { BudgetRecord } from '@vgw/gateway';
import { withOwnDatabase } from '../client/open-gateway.js';
import type { CommandContext } from '../command-context.js';
import { CliError } from '../errors/cli-error.js';
import { renderTable } from '../output/render-table.js';
import { writeJson } from '../output/write-json.js';

interface SetOptions {
  project: string;
  key?: string;
  period: string;
  usd: string;
  json?: boolean;
}

/** Checked before the database is opened, so a typo costs nothing and reads as a user error. */
function parseUsd(text: string): number {
  const usd = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || !Number.isFinite(usd)) {
    throw new CliError(`--usd must be a non-negative amount of USD, like 25 or 0.5; got "${text}"`);
  }
  return usdToMicroUsd(usd);
}

function budgetJson(budget: BudgetRecord) {
  return {
    id: budget.id,
    project: budget.projectName,
    key_id: budget.apiKeyId,
    period: budget.period,
    limit_usd: formatUsd(budget.limitMicroUsd),
    spent_usd: formatUsd(budget.spentMicroUsd),
    left_usd: formatUsd(Math.max(0, budget.limitMicroUsd - budget.spentMicroUsd)),
  };
}

function budgetRow(budget: BudgetRecord): string[] {
  const shown = budgetJson(budget);
  return [
    shown.id,
    shown.project,
    shown.key_id ?? '(all keys)',
    shown.period,
    shown.limit_usd,
    shown.spent_usd,
    shown.left_usd,
  ];
}

async function setBudget(context: CommandContext, options: SetOptions) {
  if (!(budgetPeriods as readonly string[]).includes(options.period)) {
    throw new CliError(
      `--period must be one of ${budgetPeriods.join(', ')}; got "${options.period}"`,
    );
  }
  const limitMicroUsd = parseUsd(options.usd);
  await withOwnDatabase(context, async (gateway) => {
    const budget = await setProjectBudget(gateway.database, {
      projectName: options.project,
      apiKeyId: options.key ?? null,
      period: options.period,
      limitMicroUsd,
    });
    if (options.json === true) writeJson(context.io.stdout, budgetJson(budget));
    else context.io.stdout.write(renderTable(budgetHeaders, [budgetRow(budget)]));
  });
}

const budgetHeaders = ['id', 'project', 'key', 'period', 'limit usd', 'spent usd', 'left usd'];

async function listBudgets(context: CommandContext, options: { project?: string; json?: boolean }) {
  await withOwnDatabase(context, async (gateway) => {
    const budgets = await listProjectBudgets(gateway.database, options.project ?? null);
    const { stdout } = context.io;
    if (options.json === true) writeJson(stdout, { object: 'list', data: budgets.map(budgetJson) });
    else if (budgets.length === 0) stdout.write('no budgets\n');
    else stdout.write(renderTable(budgetHeaders, budgets.map(budgetRow)));
  });
}

async function deleteBudget(context: CommandContext, id: string) {
  await withOwnDatabase(context, async (gateway) => {
    await deleteProjectBudget(gateway.database, id);
    context.io.stdout.write(`deleted ${id}\n`);
  });
}

export function registerBudgetsCommand(program: Command, context: CommandContext): void {
  const budgets = program
    .command('budgets')
    .description('spending limits per project or key (stop a local `vgw serve` first)');
  budgets
    .command('set')
    .description('set the budget of a project, or of one of its keys, for a period')
    .requiredOption('--project <name>', 'the project')
    .option('--key <id>', 'limit one key of the project (key_…) instead of all of it')
    .requiredOption('--period <period>', `the period: ${budgetPeriods.join(', ')} (UTC)`)
    .requiredOption('--usd <amount>', 'the limit in USD, e.g. 25')
    .option('--json', 'print the budget as JSON')
    .action((options: SetOptions) => setBudget(context, options));
  budgets
    .command('list')
    .description('list budgets with what their current period has spent')
    .option('--project <name>', 'only this project')
    .option('--json', 'print the list as JSON')
    .action((options: { project?: string; json?: boolean }) => listBudgets(context, options));
  budgets
    .command('delete')
    .description('delete a budget')
    .argument('<id>', 'the budget id (budget_…)')
    .action((id: string) => deleteBudget(context, id));
}
