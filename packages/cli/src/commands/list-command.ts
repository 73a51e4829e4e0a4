import type { Video, VideoList, VideoListParams } from '@vgw/sdk';
import { Option } from 'commander';
import type { Command } from 'commander';
import { withClientSession } from '../client/client-session.js';
import type { CommandContext } from '../command-context.js';
import { parsePositiveInteger } from '../options/parse-option-values.js';
import { renderVideoTable } from '../output/video-details.js';
import { writeJson } from '../output/write-json.js';

interface ListOptions {
  limit?: number;
  order?: 'asc' | 'desc';
  all?: boolean;
  json?: boolean;
}

/** Every page, gathered into one list shaped like a single page that has no more after it. */
function wholeList(videos: Video[]): VideoList {
  return {
    object: 'list',
    data: videos,
    has_more: false,
    first_id: videos[0]?.id ?? null,
    last_id: videos.at(-1)?.id ?? null,
  };
}

async function list(context: CommandContext, options: ListOptions): Promise<void> {
  const query: VideoListParams = {};
  if (options.limit != null) query.limit = options.limit;
  if (options.order != null) query.order = options.order;
  const { stdout } = context.io;
  await withClientSession(context, { worker: false }, async ({ client }) => {
    const requestOptions = { signal: context.signal };
    let body: VideoList;
    if (options.all === true) {
      const videos: Video[] = [];
      for await (const video of client.videos.list(query, requestOptions)) videos.push(video);
      body = wholeList(videos);
    } else {
      body = (await client.videos.list(query, requestOptions)).body;
    }
    if (options.json === true) writeJson(stdout, body);
    else if (body.data.length === 0) stdout.write('no videos\n');
    else stdout.write(renderVideoTable(body.data));
  });
}

export function registerListCommand(program: Command, context: CommandContext): void {
  program
    .command('list')
    .description('list your videos, newest first')
    .option('--limit <n>', 'videos per page', parsePositiveInteger)
    .addOption(new Option('--order <order>', 'by creation time').choices(['asc', 'desc']))
    .option('--all', 'fetch every page, not just the first')
    .option('--json', 'print the list as JSON')
    .action((options: ListOptions) => list(context, options));
}
