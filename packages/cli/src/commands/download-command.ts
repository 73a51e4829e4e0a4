import { resolve } from 'node:path';
import type { VideoContentVariant } from '@vgw/sdk';
import { Option } from 'commander';
import type { Command } from 'commander';
import { withClientSession } from '../client/client-session.js';
import { downloadContent } from '../client/download-content.js';
import type { CommandContext } from '../command-context.js';

interface DownloadOptions {
  output?: string;
  variant: VideoContentVariant;
}

function defaultFileName(id: string, variant: VideoContentVariant): string {
  return variant === 'video' ? `${id}.mp4` : `${id}-${variant}.jpg`;
}

async function download(context: CommandContext, id: string, options: DownloadOptions) {
  const output = options.output ?? defaultFileName(id, options.variant);
  await withClientSession(context, { worker: false }, async ({ client }) => {
    const path = resolve(context.io.cwd, output);
    await downloadContent(client, id, options.variant, path, context.signal);
    context.io.stdout.write(`${output}\n`);
  });
}

export function registerDownloadCommand(program: Command, context: CommandContext): void {
  program
    .command('download')
    .description("save a finished video's MP4, thumbnail or spritesheet")
    .argument('<id>', 'the video id')
    .option('-o, --output <file>', 'where to save it (default: <id>.mp4 or <id>-<variant>.jpg)')
    .addOption(
      new Option('--variant <variant>', 'which file')
        .choices(['video', 'thumbnail', 'spritesheet'])
        .default('video'),
    )
    .action((id: string, options: DownloadOptions) => download(context, id, options));
}
