import type { Command } from 'commander';
import { withClientSession } from '../client/client-session.js';
import type { CommandContext } from '../command-context.js';
import { renderEngineTable } from '../output/engine-table.js';
import { writeJson } from '../output/write-json.js';

async function engines(context: CommandContext, options: { json?: boolean }): Promise<void> {
  await withClientSession(context, { worker: false }, async ({ client }) => {
    const body = await client.engines.list({ signal: context.signal });
    if (options.json === true) writeJson(context.io.stdout, body);
    else if (body.data.length === 0) context.io.stdout.write('no engines configured\n');
    else context.io.stdout.write(renderEngineTable(body.data));
  });
}

export function registerEnginesCommand(program: Command, context: CommandContext): void {
  program
    .command('engines')
    .description('list the engines (models) the gateway serves, with what each accepts')
    .option('--json', 'print the list as JSON')
    .action((options: { json?: boolean }) => engines(context, options));
}
