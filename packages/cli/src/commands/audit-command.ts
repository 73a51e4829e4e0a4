import { InvalidArgumentError, Option, type Command } from 'commander';
import { z } from 'zod';
import {
  AuditKeyMissingError,
  auditDecisions,
  openAuditLog,
  UnknownAuditCursorError,
} from '@vgw/gateway';
import type { AuditBreak, AuditLog, AuditRecord, AuditVerification } from '@vgw/gateway';
import { withOwnDatabase } from '../client/open-gateway.js';
import type { CommandContext } from '../command-context.js';
import { CliError } from '../errors/cli-error.js';
import { renderTable } from '../output/render-table.js';
import { writeJson } from '../output/write-json.js';

interface ListOptions {
  since?: Date;
  decision?: 'allowed' | 'refused';
  project?: string;
  limit: number;
  after?: string;
  json?: boolean;
}

const sinceSchema = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

/** Read before the database is opened, so a typo costs nothing and exits 2 like other flags. */
function parseSince(text: string): Date {
  const parsed = sinceSchema.safeParse(text.trim());
  if (!parsed.success) {
    throw new InvalidArgumentError(
      'expected an ISO date or time, like 2026-12-01 or 2026-12-01T09:30:00Z.',
    );
  }
  return new Date(parsed.data);
}

function parseLimit(text: string): number {
  const limit = Number(text);
  if (!/^\d+$/.test(text.trim()) || limit < 1 || limit > 1000) {
    throw new InvalidArgumentError('expected a whole number from 1 to 1000.');
  }
  return limit;
}

/** Opens the audit without ever making a key: reading the audit must not change it. */
async function withAuditLog(
  context: CommandContext,
  work: (log: AuditLog) => Promise<void>,
): Promise<void> {
  await withOwnDatabase(context, async (gateway) => {
    const log = await openAuditLog(gateway, { create: false });
    try {
      await work(log);
    } catch (error) {
      if (error instanceof AuditKeyMissingError) {
        throw new CliError(
          `${error.message}: the audit cannot be verified without the key it was written with`,
        );
      }
      throw error;
    }
  });
}

async function projectIdOf(log: AuditLog, project: string | undefined): Promise<string | null> {
  if (project == null) return null;
  const id = await log.projectId(project);
  if (id == null) throw new CliError(`no project named or with id "${project}"`);
  return id;
}

function recordJson(record: AuditRecord) {
  return {
    id: record.id,
    created_at: record.createdAt.toISOString(),
    project_id: record.projectId,
    sequence: record.sequence,
    api_key_id: record.apiKeyId,
    operation: record.operation,
    stage: record.stage,
    param: record.param,
    decision: record.decision,
    policy_version: record.policyVersion,
    category: record.category,
    rules: record.rules,
    checks: record.checks,
    prompt_hmac: record.promptHmac,
    prompt_excerpt: record.promptExcerpt,
    image_hashes: record.imageHashes,
    video_id: record.videoId,
    upstream_code: record.upstreamCode,
    row_hash: record.rowHash,
  };
}

const listHeaders = [
  'time',
  'project',
  'seq',
  'operation',
  'stage',
  'decision',
  'category',
  'rules',
  'id',
];

function recordRow(record: AuditRecord): string[] {
  return [
    record.createdAt
      .toISOString()
      .replace('T', ' ')
      .replace(/\.\d{3}Z$/, 'Z'),
    record.projectId,
    String(record.sequence),
    record.operation,
    `${record.stage}${record.param != null ? ` ${record.param}` : ''}`,
    record.decision,
    record.category ?? '-',
    record.rules.length > 0 ? record.rules.join(',') : '-',
    record.id,
  ];
}

async function listAudit(context: CommandContext, options: ListOptions): Promise<void> {
  await withAuditLog(context, async (log) => {
    const projectId = await projectIdOf(log, options.project);
    const page = await log
      .list({
        limit: options.limit,
        ...(projectId != null ? { projectId } : {}),
        ...(options.since != null ? { since: options.since } : {}),
        ...(options.decision != null ? { decision: options.decision } : {}),
        ...(options.after != null ? { after: options.after } : {}),
      })
      .catch((error: unknown) => {
        if (error instanceof UnknownAuditCursorError) {
          throw new CliError(`--after: ${error.message}`);
        }
        throw error;
      });
    const { stdout } = context.io;
    if (options.json === true) {
      writeJson(stdout, {
        object: 'list',
        data: page.records.map(recordJson),
        has_more: page.hasMore,
      });
      return;
    }
    if (page.records.length === 0) {
      stdout.write('no audit records\n');
      return;
    }
    stdout.write(renderTable(listHeaders, page.records.map(recordRow)));
    const last = page.records.at(-1) as AuditRecord;
    if (page.hasMore) stdout.write(`more: vgw audit list --after ${last.id}\n`);
  });
}

const reasons: Record<AuditBreak['reason'], string> = {
  edited: 'the row was changed after it was written',
  deleted: 'rows are missing',
  reordered: 'the row does not link to the row before it',
  'head mismatch': "the project's head does not match its last row",
};

function breakMessage(broken: AuditBreak): string {
  const record = broken.id != null ? `, record ${broken.id}` : '';
  return (
    `audit chain broken at project ${broken.projectId}, sequence ${broken.sequence}${record}: ` +
    `${broken.reason} (${reasons[broken.reason]})`
  );
}

function verificationJson(verification: AuditVerification) {
  return {
    ok: verification.ok,
    projects: verification.projects,
    records: verification.records,
    first_broken:
      verification.firstBroken != null
        ? {
            project_id: verification.firstBroken.projectId,
            sequence: verification.firstBroken.sequence,
            id: verification.firstBroken.id,
            reason: verification.firstBroken.reason,
          }
        : null,
  };
}

async function verifyAudit(context: CommandContext, options: { project?: string; json?: boolean }) {
  await withAuditLog(context, async (log) => {
    const projectId = await projectIdOf(log, options.project);
    const verification = await log.verify(projectId != null ? { projectId } : {});
    const { stdout } = context.io;
    if (options.json === true) writeJson(stdout, verificationJson(verification));
    if (verification.firstBroken != null)
      throw new CliError(breakMessage(verification.firstBroken));
    if (options.json !== true) {
      stdout.write(
        `ok: ${verification.records} records in ${verification.projects} projects, every link intact\n`,
      );
    }
  });
}

export function registerAuditCommand(program: Command, context: CommandContext): void {
  const audit = program
    .command('audit')
    .description(
      'the policy decisions audit: list it, verify its hash chain (stop a local `vgw serve` first)',
    );
  audit
    .command('verify')
    .description('check every row and link of the audit chain; exit 1 naming the first broken link')
    .option('--project <name-or-id>', 'only this project')
    .option('--json', 'print the result as JSON')
    .action((options: { project?: string; json?: boolean }) => verifyAudit(context, options));
  audit
    .command('list')
    .description('list policy decisions, newest first')
    .addOption(
      new Option('--since <when>', 'only decisions at or after this ISO date or time').argParser(
        parseSince,
      ),
    )
    .addOption(
      new Option('--decision <decision>', 'only allowed or only refused decisions').choices(
        auditDecisions,
      ),
    )
    .option('--project <name-or-id>', 'only this project')
    .addOption(
      new Option('--limit <n>', 'how many to show (1-1000)').argParser(parseLimit).default(50),
    )
    .option('--after <id>', 'the page after this record (its id from the page before)')
    .option('--json', 'print the list as JSON')
    .action((options: ListOptions) => listAudit(context, options));
}
