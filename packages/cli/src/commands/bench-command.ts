import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { InvalidArgumentError } from 'commander';
import type { Command } from 'commander';
import { buildBenchReport } from '../bench/leaderboard/bench-report.js';
import type { BenchReport, BenchSettings } from '../bench/leaderboard/bench-report.js';
import { renderBenchSummary } from '../bench/bench-summary.js';
import { loadPromptSuite } from '../bench/load-prompt-suite.js';
import { runBench } from '../bench/run-bench.js';
import { writeBenchReport } from '../bench/write-bench-report.js';
import { withClientSession } from '../client/client-session.js';
import type { CommandContext } from '../command-context.js';
import { CliError, fileError } from '../errors/cli-error.js';
import {
  parseNonNegativeInteger,
  parsePositiveInteger,
  parsePositiveNumber,
  parseSize,
} from '../options/parse-option-values.js';
import { writeJson } from '../output/write-json.js';
import { binaryPaths } from '../scoring/score-local-file.js';

interface BenchOptions {
  prompts?: string;
  models: string[];
  repeat: number;
  out?: string;
  seconds?: number;
  size?: string;
  seed?: number;
  concurrency: number;
  timeout: number;
  json?: boolean;
}

/** Fixed, and written into the report, so the same runs always give the same intervals. */
const bootstrap = { resamples: 2000, confidence: 0.95, seed: 20_251_125 };

function parseModels(value: string): string[] {
  const models = value
    .split(',')
    .map((model) => model.trim())
    .filter((model) => model !== '');
  if (models.length === 0) throw new InvalidArgumentError('expected model ids, e.g. local,a/b.');
  if (new Set(models).size !== models.length) {
    throw new InvalidArgumentError('a model is listed twice.');
  }
  return models;
}

/** `vgw-bench-20260101-120000`, from the local clock: a folder name, not a measurement. */
function defaultOutName(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const day = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  return `vgw-bench-${day}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
}

function settingsOf(options: BenchOptions): BenchSettings {
  return {
    models: options.models,
    repeat: options.repeat,
    seconds: options.seconds ?? null,
    size: options.size ?? null,
    seed: options.seed ?? null,
    concurrency: options.concurrency,
    promptsFile: options.prompts ?? null,
    bootstrap,
  };
}

async function makeOutDir(cwd: string, out: string): Promise<string> {
  const outDir = resolve(cwd, out);
  try {
    await mkdir(join(outDir, 'videos'), { recursive: true });
  } catch (error) {
    throw fileError('create', out, error);
  }
  return outDir;
}

async function bench(context: CommandContext, options: BenchOptions): Promise<void> {
  const { io, signal } = context;
  const startedAt = new Date();
  const prompts = await loadPromptSuite(io.cwd, options.prompts ?? null);
  const outDir = await makeOutDir(io.cwd, options.out ?? defaultOutName(startedAt));
  const binaries = await binaryPaths(context);
  const plan = {
    prompts,
    models: options.models,
    repeat: options.repeat,
    concurrency: options.concurrency,
    render: {
      seconds: options.seconds ?? null,
      size: options.size ?? null,
      seed: options.seed ?? null,
      timeoutMs: options.timeout * 1000,
    },
  };
  const log = (line: string) => io.stderr.write(`vgw bench: ${line}\n`);
  const { runs, gateway } = await withClientSession(context, { worker: true }, async (session) => ({
    runs: await runBench(session, plan, { binaries, outDir, signal }, log),
    gateway: session.embedded ? ('embedded' as const) : ('remote' as const),
  }));
  const report: BenchReport = buildBenchReport({
    createdAt: startedAt.toISOString(),
    gateway,
    settings: settingsOf(options),
    prompts,
    runs,
  });
  const written = await writeBenchReport(binaries.ffmpegPath, outDir, report);
  if (options.json === true) writeJson(io.stdout, report);
  else io.stdout.write(`${renderBenchSummary(report)}\n${written.html}\n${written.json}\n`);
  if (runs.every((run) => run.status === 'failed')) {
    throw new CliError(`every run failed; see ${written.json}`);
  }
}

export function registerBenchCommand(program: Command, context: CommandContext): void {
  program
    .command('bench')
    .description('render prompts on several engines, score them, and write a leaderboard report')
    .requiredOption('--models <a,b,c>', 'the engines to compare (see "vgw engines")', parseModels)
    .option('--prompts <file>', 'a prompt suite, JSON (default: the suite shipped with vgw)')
    .option('--repeat <k>', 'renders of each prompt on each engine', parsePositiveInteger, 1)
    .option('--out <dir>', 'where to write report.json, report.html and videos/')
    .option('--seconds <n>', 'duration of every render', parsePositiveNumber)
    .option('--size <WxH>', 'size of every render, e.g. 1280x720', parseSize)
    .option('--seed <n>', 'seed of repeat 0 (repeat k uses seed + k)', parseNonNegativeInteger)
    .option('--concurrency <n>', 'renders in flight at once', parsePositiveInteger, 2)
    .option(
      '--timeout <seconds>',
      'give up on one render after this long',
      parsePositiveNumber,
      1800,
    )
    .option('--json', 'print report.json instead of the summary table')
    .action((options: BenchOptions) => bench(context, options));
}
