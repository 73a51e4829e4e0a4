import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import {
  conformFamilies,
  datasetLayouts,
  datasetRequestSchema,
  exportDataset,
  findProjectByNameOrId,
  mediaBinaries,
  remoteGatewayFromEnvironment,
  writeStaged,
} from '@vgw/gateway';
import type { DatasetReport, DatasetRequest } from '@vgw/gateway';
import type { Dataset, DatasetCreateParams, Vgw } from '@vgw/sdk';
import { Option, type Command } from 'commander';
import { withClientSession } from '../client/client-session.js';
import { extractZip } from '../client/extract-zip.js';
import { withOwnDatabase } from '../client/open-gateway.js';
import type { CommandContext } from '../command-context.js';
import { CliError, UsageError } from '../errors/cli-error.js';
import { saveResponse } from '../files/save-response.js';
import { writeJson } from '../output/write-json.js';

interface ExportOptions {
  out: string;
  project?: string;
  model?: string;
  since?: string;
  until?: string;
  minStability?: string;
  minRating?: string;
  tag?: string;
  layout?: string;
  conform?: string;
  valFraction?: string;
  json?: boolean;
}

/** The flags as the one request schema the gateway also checks, so both modes agree. */
function requestOf(options: ExportOptions): DatasetRequest {
  const numeric = (text: string | undefined) =>
    text != null && /^\d+(\.\d+)?$/.test(text) ? Number(text) : text;
  const raw = {
    ...(options.model != null ? { model: options.model } : {}),
    ...(options.since != null ? { since: options.since } : {}),
    ...(options.until != null ? { until: options.until } : {}),
    ...(options.minStability != null ? { min_stability: numeric(options.minStability) } : {}),
    ...(options.minRating != null ? { min_rating: numeric(options.minRating) } : {}),
    ...(options.tag != null ? { tag: options.tag } : {}),
    ...(options.layout != null ? { layout: options.layout } : {}),
    ...(options.conform != null ? { conform: options.conform } : {}),
    ...(options.valFraction != null ? { val_fraction: numeric(options.valFraction) } : {}),
  };
  const parsed = datasetRequestSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const flag = `--${String(issue?.path[0] ?? 'option').replace(/_/g, '-')}`;
  throw new UsageError(`${flag}: ${issue?.message ?? 'invalid'}`);
}

/** Embedded: the export runs here, on this gateway's own database and files. */
async function exportHere(
  context: CommandContext,
  options: ExportOptions,
  request: DatasetRequest,
) {
  const done: { report?: DatasetReport } = {};
  await withOwnDatabase(context, async (gateway) => {
    const name = options.project ?? 'local';
    const project = await findProjectByNameOrId(gateway.database, name);
    if (project == null) throw new UsageError(`--project: no project named or with id "${name}"`);
    const deps = {
      database: gateway.database,
      store: gateway.store,
      ...mediaBinaries(gateway.config),
    };
    done.report = await exportDataset(
      deps,
      project.id,
      request,
      resolve(context.io.cwd, options.out),
    );
  });
  if (done.report == null) throw new CliError('the export did not run');
  return done.report;
}

async function waitForExport(context: CommandContext, client: Vgw, id: string): Promise<Dataset> {
  for (;;) {
    const dataset = await client.datasets.retrieve(id, { signal: context.signal });
    if (dataset.status === 'completed') return dataset;
    if (dataset.status === 'failed') {
      throw new CliError(`dataset ${id} failed: ${dataset.error?.message ?? 'unknown error'}`);
    }
    await delay(1000, undefined, { signal: context.signal });
  }
}

/** Against a server: the export is a job there; its zip is fetched and unpacked into --out. */
async function exportRemotely(
  context: CommandContext,
  options: ExportOptions,
  request: DatasetRequest,
) {
  if (options.project != null) {
    throw new UsageError(
      '--project selects a project only on an embedded gateway; a server exports the key’s project',
    );
  }
  const out = resolve(context.io.cwd, options.out);
  return withClientSession(context, { worker: false }, async ({ client }) => {
    // zod leaves absent keys out; its inferred type only says they could be undefined.
    const body = request as DatasetCreateParams;
    const created = await client.datasets.create(body, { signal: context.signal });
    const done = await waitForExport(context, client, created.id);
    const scratch = await mkdtemp(join(tmpdir(), 'vgw-dataset-'));
    try {
      const zipPath = join(scratch, `${done.id}.zip`);
      await saveResponse(
        await client.datasets.downloadContent(done.id, { signal: context.signal }),
        zipPath,
        context.signal,
      );
      await writeStaged(out, (staging) => extractZip(zipPath, staging));
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
    return done.counts as DatasetReport;
  });
}

function printReport(context: CommandContext, out: string, report: DatasetReport, json: boolean) {
  if (json) return writeJson(context.io.stdout, report);
  const left = Object.entries(report.excluded).map(([reason, count]) => `${reason} ${count}`);
  context.io.stdout.write(
    `exported ${report.clips} clips (${report.train} train, ${report.validation} validation) to ${out}\n` +
      (left.length > 0 ? `left out: ${left.join(', ')}\n` : ''),
  );
}

async function exportCommand(context: CommandContext, options: ExportOptions) {
  const request = requestOf(options);
  const remote = remoteGatewayFromEnvironment(context.io.environment) != null;
  const report = remote
    ? await exportRemotely(context, options, request)
    : await exportHere(context, options, request);
  printReport(context, options.out, report, options.json === true);
}

export function registerDatasetCommand(program: Command, context: CommandContext): void {
  const dataset = program.command('dataset').description('fine-tuning datasets of finished videos');
  dataset
    .command('export')
    .description('export labelled, finished videos as clip + caption pairs for LoRA trainers')
    .requiredOption('--out <dir>', 'a new or empty folder to write the dataset into')
    .option('--project <name-or-id>', 'the project (embedded gateway only; default: local)')
    .option('--model <model>', 'only videos of this model or route')
    .option('--since <date>', 'created on or after this date (2026-11-01) or time with offset')
    .option('--until <date>', 'created before this time; a bare date includes that day')
    .option('--min-stability <n>', 'lowest temporal stability index, 0-100')
    .option('--min-rating <n>', 'lowest average rating, 1-5')
    .option('--tag <tag>', 'only videos some rating tagged so')
    .addOption(
      new Option('--layout <layout>', 'pairs only, or pairs plus JSONL manifests').choices(
        datasetLayouts,
      ),
    )
    .addOption(
      new Option(
        '--conform <family>',
        "re-encode to a trainer family's fps, frames and size",
      ).choices(conformFamilies),
    )
    .option('--val-fraction <fraction>', 'share held out for validation, 0-0.5 (default 0.1)')
    .option('--json', 'print the report as JSON')
    .action((options: ExportOptions) => exportCommand(context, options));
}
