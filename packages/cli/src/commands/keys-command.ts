import type { Command } from 'commander';
import { createApiKey, isValidProjectName, listApiKeys, revokeApiKey } from '@vgw/gateway';
import type { ApiKeyRecord } from '@vgw/gateway';
import { withOwnDatabase } from '../client/open-gateway.js';
import type { CommandContext } from '../command-context.js';
import { CliError } from '../errors/cli-error.js';
import { renderTable } from '../output/render-table.js';
import { writeJson } from '../output/write-json.js';

async function createKey(context: CommandContext, options: { project: string; json?: boolean }) {
  // Checked before opening the database, so a typo costs nothing and reads as a user error.
  if (!isValidProjectName(options.project)) {
    throw new CliError(
      `project name "${options.project}" is not valid: use 1-64 letters, digits, ".", "_" or "-"`,
    );
  }
  await withOwnDatabase(context, async (gateway) => {
    const created = await createApiKey(gateway.database, options.project);
    const { stdout } = context.io;
    if (options.json === true) {
      writeJson(stdout, {
        id: created.id,
        key: created.key,
        project_id: created.projectId,
        project: created.projectName,
      });
      return;
    }
    stdout.write(
      `id       ${created.id}\nproject  ${created.projectName}\nkey      ${created.key}\n`,
    );
    stdout.write('store the key now: it cannot be shown again\n');
  });
}

function keyRow(key: ApiKeyRecord): string[] {
  return [
    key.id,
    key.projectName,
    `${key.keyPrefix}…`,
    key.createdAt.toISOString(),
    key.revokedAt != null ? key.revokedAt.toISOString() : '-',
  ];
}

function keyJson(key: ApiKeyRecord) {
  return {
    id: key.id,
    project_id: key.projectId,
    project: key.projectName,
    key_prefix: key.keyPrefix,
    created_at: key.createdAt.toISOString(),
    revoked_at: key.revokedAt?.toISOString() ?? null,
  };
}

async function listKeys(context: CommandContext, options: { json?: boolean }) {
  await withOwnDatabase(context, async (gateway) => {
    const keys = await listApiKeys(gateway.database);
    const { stdout } = context.io;
    if (options.json === true) writeJson(stdout, { object: 'list', data: keys.map(keyJson) });
    else if (keys.length === 0) stdout.write('no API keys\n');
    else
      stdout.write(
        renderTable(['id', 'project', 'prefix', 'created', 'revoked'], keys.map(keyRow)),
      );
  });
}

async function revokeKey(context: CommandContext, id: string) {
  await withOwnDatabase(context, async (gateway) => {
    if (!(await revokeApiKey(gateway.database, id))) {
      throw new CliError(`no active API key with id "${id}" (see "vgw keys list")`);
    }
    context.io.stdout.write(`revoked ${id}\n`);
  });
}

export function registerKeysCommand(program: Command, context: CommandContext): void {
  const keys = program
    .command('keys')
    .description("manage API keys in this gateway's database (stop a local `vgw serve` first)");
  keys
    .command('create')
    .description('create an API key for a project (created if new); the key is shown once')
    .requiredOption('--project <name>', 'the project the key belongs to')
    .option('--json', 'print the key as JSON')
    .action((options: { project: string; json?: boolean }) => createKey(context, options));
  keys
    .command('list')
    .description('list API keys (their prefixes only)')
    .option('--json', 'print the list as JSON')
    .action((options: { json?: boolean }) => listKeys(context, options));
  keys
    .command('revoke')
    .description('revoke an API key')
    .argument('<id>', 'the key id (key_…)')
    .action((id: string) => revokeKey(context, id));
}
