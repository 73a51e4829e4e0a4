import type { Command } from 'commander';
import { withClientSession } from '../client/client-session.js';
import type { CommandContext } from '../command-context.js';
import { renderVideoDetails } from '../output/video-details.js';
import { writeJson } from '../output/write-json.js';

async function get(context: CommandContext, id: string, options: { json?: boolean }) {
  await withClientSession(context, { worker: false }, async ({ client }) => {
    const video = await client.videos.retrieve(id, { signal: context.signal });
    if (options.json === true) writeJson(context.io.stdout, video);
    else context.io.stdout.write(renderVideoDetails(video));
  });
}

export function registerGetCommand(program: Command, context: CommandContext): void {
  program
    .command('get')
    .description('show one video')
    .argument('<id>', 'the video id')
    .option('--json', 'print the video as JSON')
    .action((id: string, options: { json?: boolean }) => get(context, id, options));
}
