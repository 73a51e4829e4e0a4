import type { Command } from 'commander';
import { withClientSession } from '../client/client-session.js';
import type { CommandContext } from '../command-context.js';

async function deleteVideo(context: CommandContext, id: string): Promise<void> {
  await withClientSession(context, { worker: false }, async ({ client }) => {
    const deleted = await client.videos.delete(id, { signal: context.signal });
    context.io.stdout.write(`deleted ${deleted.id}\n`);
  });
}

export function registerDeleteCommand(program: Command, context: CommandContext): void {
  program
    .command('delete')
    .description('delete a video and its files')
    .argument('<id>', 'the video id')
    .action((id: string) => deleteVideo(context, id));
}
