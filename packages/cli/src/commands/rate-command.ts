import type { VideoRatingCreateParams } from '@vgw/sdk';
import { InvalidArgumentError, type Command } from 'commander';
import { withClientSession } from '../client/client-session.js';
import type { CommandContext } from '../command-context.js';
import { writeJson } from '../output/write-json.js';

interface RateOptions {
  tag: string[];
  note?: string;
  json?: boolean;
}

function parseScore(value: string): number {
  if (!/^[1-5]$/.test(value))
    throw new InvalidArgumentError('expected a whole number from 1 to 5.');
  return Number(value);
}

const collect = (value: string, previous: string[]) => [...previous, value];

async function rate(context: CommandContext, id: string, score: number, options: RateOptions) {
  const body: VideoRatingCreateParams = { score };
  if (options.tag.length > 0) body.tags = options.tag;
  if (options.note != null) body.note = options.note;
  await withClientSession(context, { worker: false }, async ({ client }) => {
    const rating = await client.videos.ratings.create(id, body, { signal: context.signal });
    if (options.json === true) writeJson(context.io.stdout, rating);
    else {
      const tags = rating.tags.length > 0 ? ` [${rating.tags.join(', ')}]` : '';
      context.io.stdout.write(`rated ${rating.video_id} ${rating.score}/5${tags}\n`);
    }
  });
}

export function registerRateCommand(program: Command, context: CommandContext): void {
  program
    .command('rate')
    .description('rate a finished video 1-5, with tags (a second rating replaces the first)')
    .argument('<id>', 'the video id')
    .argument('<score>', 'from 1 to 5', parseScore)
    .option('--tag <tag>', 'a tag (a-z, 0-9, _ and -); repeat for more', collect, [])
    .option('--note <text>', 'a note kept with the rating (not a caption)')
    .option('--json', 'print the rating as JSON')
    .action((id: string, score: number, options: RateOptions) => rate(context, id, score, options));
}
