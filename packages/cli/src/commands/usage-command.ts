import { InvalidArgumentError, Option, type Command } from 'commander';
import {
  defaultUsageSince,
  GatewayError,
  parseUsageSince,
  usageReport,
  usageReportGroups,
  usageSinceForms,
} from '@vgw/gateway';
import type { UsageSince } from '@vgw/gateway';
import { withOwnDatabase } from '../client/open-gateway.js';
import type { CommandContext } from '../command-context.js';
import { UsageError } from '../errors/cli-error.js';
import {
  usageReportCsv,
  usageReportJson,
  usageReportTable,
} from '../output/usage-report-output.js';
import { writeJson } from '../output/write-json.js';

interface UsageOptions {
  project?: string;
  groupBy?: string;
  since: UsageSince;
  json?: boolean;
  csv?: boolean;
}

/** Read before the database is opened, so a typo costs nothing and exits 2 like other flags. */
function parseSince(text: string): UsageSince {
  try {
    return parseUsageSince(text);
  } catch {
    throw new InvalidArgumentError(`expected ${usageSinceForms}.`);
  }
}

async function printUsage(context: CommandContext, options: UsageOptions): Promise<void> {
  await withOwnDatabase(context, async (gateway) => {
    const report = await usageReport(gateway.database, {
      projectName: options.project ?? null,
      since: options.since,
      groupBy: options.groupBy ?? null,
    }).catch((error: unknown) => {
      // Which project is the user's to say: a missing flag, so a usage error (exit 2).
      if (error instanceof GatewayError && error.code === 'project_required') {
        throw new UsageError(`${error.message} with --project`);
      }
      throw error;
    });
    const { stdout } = context.io;
    if (options.json === true) writeJson(stdout, usageReportJson(report));
    else if (options.csv === true) stdout.write(usageReportCsv(report));
    else stdout.write(usageReportTable(report));
  });
}

export function registerUsageCommand(program: Command, context: CommandContext): void {
  program
    .command('usage')
    .description(
      "what a project spent, from this gateway's ledger (stop a local `vgw serve` first)",
    )
    .option('--project <name>', 'the project (needed only when there is more than one)')
    .addOption(
      new Option('--group-by <group>', 'one row per model, provider, API key or route').choices(
        usageReportGroups,
      ),
    )
    .addOption(
      new Option('--since <when>', `where the report starts: ${usageSinceForms}`)
        .argParser(parseSince)
        .default(parseUsageSince(defaultUsageSince), defaultUsageSince),
    )
    .addOption(new Option('--json', 'print the report as JSON').conflicts('csv'))
    .option('--csv', 'print the report as CSV, the totals last')
    .action((options: UsageOptions) => printUsage(context, options));
}
