import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import {
  expandWithMutations,
  loadRedteamCases,
  RedteamSuiteError,
  runRedteam,
  shippedSuitePaths,
  writeRedteamReport,
} from '@vgw/gateway';
import type { RedteamCase, RedteamReport, RedteamScreen } from '@vgw/gateway';
import type { CommandContext } from '../command-context.js';
import { CliError } from '../errors/cli-error.js';
import { writeJson } from '../output/write-json.js';
import { renderRedteamSummary } from '../redteam/render-redteam-summary.js';

interface RedteamOptions {
  policy?: string;
  suite?: string[];
  out?: string;
  json?: boolean;
  advisory?: string[];
}

/** What the command needs from outside: the policy engine, and clocks for ids and latency. */
export interface RedteamDependencies {
  /** The screen of the policy in `policyFile` (an absolute path), or of the default policy. */
  loadScreen(policyFile: string | null, context: CommandContext): Promise<RedteamScreen>;
  /** Milliseconds for latency; defaults to `performance.now`. */
  now?: () => number;
  /** The wall clock, for the run id and the default output folder. */
  clock?: () => Date;
}

interface CaseSet {
  label: string;
  cases: RedteamCase[];
}

function timestamp(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const day = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  return `${day}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
}

async function loadSet(label: string, paths: string[]): Promise<CaseSet> {
  try {
    return { label, cases: expandWithMutations(await loadRedteamCases(paths)) };
  } catch (error) {
    if (error instanceof RedteamSuiteError) throw new CliError(error.message, { cause: error });
    throw error;
  }
}

/** The user's files as one set, or the shipped suite and its held-out set, gated apart. */
async function caseSets(cwd: string, suite: string[] | undefined): Promise<CaseSet[]> {
  if (suite != null && suite.length > 0) {
    return [
      await loadSet(
        'custom',
        suite.map((file) => resolve(cwd, file)),
      ),
    ];
  }
  return [
    await loadSet('suite', await shippedSuitePaths('suite')),
    await loadSet('holdout', await shippedSuitePaths('holdout')),
  ];
}

async function redteam(
  context: CommandContext,
  dependencies: RedteamDependencies,
  options: RedteamOptions,
): Promise<void> {
  const { io } = context;
  checkAdvisory(options.advisory);
  const startedAt = (dependencies.clock ?? (() => new Date()))();
  const now = dependencies.now ?? (() => performance.now());
  const sets = await caseSets(io.cwd, options.suite);
  const policyFile = options.policy != null ? resolve(io.cwd, options.policy) : null;
  const screen = await dependencies.loadScreen(policyFile, context);
  const runId = `redteam-${timestamp(startedAt)}`;
  const reports: RedteamReport[] = [];
  for (const set of sets) {
    reports.push(await runRedteam({ cases: set.cases, screen, now, runId, label: set.label }));
  }
  const outDir = resolve(io.cwd, options.out ?? `vgw-${runId}`);
  // A user's own suite need not cover every gated category; the shipped sets must.
  const gate = { requireEveryCategory: options.suite == null || options.suite.length === 0 };
  const written = await writeRedteamReport(reports, outDir, gate);
  if (options.json === true) writeJson(io.stdout, written.file);
  else io.stdout.write(`${renderRedteamSummary(written.file)}\n${written.html}\n${written.json}\n`);
  const advisory = new Set(options.advisory ?? []);
  const failures = written.file.reports
    .filter((report) => !advisory.has(report.label))
    .flatMap((report) => report.gate.failures);
  if (failures.length > 0) throw new CliError(`red-team gate failed: ${failures.join('; ')}`);
  const ignored = written.file.reports.filter((report) => !report.gate.passed);
  for (const report of ignored) {
    io.stderr.write(`vgw: ${report.label} misses the gate (advisory, not failing the run)\n`);
  }
}

function checkAdvisory(labels: string[] | undefined): void {
  const unknown = (labels ?? []).filter((label) => !['suite', 'holdout', 'custom'].includes(label));
  if (unknown.length > 0) {
    throw new CliError(`--advisory takes suite, holdout or custom, not ${unknown.join(', ')}`);
  }
}

/** `vgw redteam`; the policy engine comes in through `dependencies`, so tests need none. */
export function createRedteamCommand(
  dependencies: RedteamDependencies,
): (program: Command, context: CommandContext) => void {
  return (program, context) => {
    program
      .command('redteam')
      .description(
        'screen the red-team suite with the policy and gate on block and false-positive rates',
      )
      .option('--policy <file>', 'the policy file to test (default: the configured policy)')
      .option('--suite <files...>', 'JSONL case files to run instead of the shipped suite')
      .option('--out <dir>', 'where to write report.json and report.html')
      .option('--json', 'print report.json instead of the summary')
      .option(
        '--advisory <sets...>',
        'case sets (suite, holdout, custom) reported and gated in the report without failing the run',
      )
      .action((options: RedteamOptions) => redteam(context, dependencies, options));
  };
}
