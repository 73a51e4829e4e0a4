import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseStoryboardFile } from '@vgw/gateway';
import type { Storyboard, StoryboardCreateParams, StoryboardPollOptions } from '@vgw/sdk';
import type { Command } from 'commander';
import type { ClientSession } from '../client/client-session.js';
import { withClientSession } from '../client/client-session.js';
import type { CommandContext } from '../command-context.js';
import { CliError, fileError } from '../errors/cli-error.js';
import { saveResponse } from '../files/save-response.js';
import { parsePositiveNumber } from '../options/parse-option-values.js';
import { writeJson } from '../output/write-json.js';

interface StoryboardOptions {
  estimate?: boolean;
  wait?: boolean;
  output?: string;
  json?: boolean;
  timeout?: number;
}

/** The storyboard file as the body to send, its images read relative to the file. */
async function readStoryboard(cwd: string, file: string): Promise<StoryboardCreateParams> {
  const path = resolve(cwd, file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw fileError('read', file, error);
  }
  const readImage = async (image: string) => {
    try {
      return new Uint8Array(await readFile(resolve(dirname(path), image)));
    } catch (error) {
      throw fileError('read', image, error);
    }
  };
  return (await parseStoryboardFile(text, readImage)) as unknown as StoryboardCreateParams;
}

function describeShots(storyboard: Storyboard): string {
  return storyboard.shots
    .map(
      (shot) =>
        `  shot ${shot.index}: ${shot.status}${shot.video_id != null ? ` ${shot.video_id}` : ''}`,
    )
    .join('\n');
}

async function estimate(context: CommandContext, body: StoryboardCreateParams, json: boolean) {
  const { stdout } = context.io;
  await withClientSession(context, { worker: false }, async ({ client }) => {
    const answer = await client.storyboards.estimate(body, { signal: context.signal });
    if (json) return writeJson(stdout, answer);
    for (const shot of answer.shots) {
      stdout.write(
        `shot ${shot.index}: ${shot.seconds} s at ${shot.size} on ${shot.model}: ${shot.estimate_usd} USD\n`,
      );
    }
    stdout.write(`total: ${answer.cost.estimate_usd} USD for ${answer.shots.length} shots\n`);
  });
}

async function waitFor(
  context: CommandContext,
  session: ClientSession,
  created: Storyboard,
  options: StoryboardOptions,
): Promise<Storyboard> {
  let last = created.status;
  const poll: StoryboardPollOptions = {
    signal: context.signal,
    onProgress: (storyboard) => {
      if (storyboard.status !== last && options.json !== true) {
        context.io.stderr.write(`${storyboard.id}: ${storyboard.status}\n`);
      }
      last = storyboard.status;
    },
  };
  if (session.pollIntervalMs != null) poll.pollIntervalMs = session.pollIntervalMs;
  if (options.timeout != null) poll.timeoutMs = options.timeout * 1000;
  const done = await session.client.storyboards.poll(created.id, poll);
  if (done.status === 'failed') {
    const reason = done.error != null ? `${done.error.code}: ${done.error.message}` : 'unknown';
    throw new CliError(`storyboard ${done.id} failed: ${reason}\n${describeShots(done)}`);
  }
  return done;
}

async function render(
  context: CommandContext,
  body: StoryboardCreateParams,
  options: StoryboardOptions,
) {
  const { io } = context;
  const wait = options.wait === true || options.output != null;
  await withClientSession(context, { worker: wait }, async (session) => {
    const created = await session.client.storyboards.create(body, { signal: context.signal });
    if (!wait) {
      if (options.json === true) return writeJson(io.stdout, created);
      const next = session.embedded ? '"vgw worker" renders it' : 'the gateway renders it';
      io.stdout.write(`${created.id}\n`);
      io.stderr.write(
        `queued ${created.shots.length} shots, estimated at ${created.cost.estimate_usd} USD; ${next}\n`,
      );
      return;
    }
    const done = await waitFor(context, session, created, options);
    const output = resolve(io.cwd, options.output ?? `${done.id}.mp4`);
    const response = await session.client.storyboards.downloadContent(done.id, {
      signal: context.signal,
    });
    await saveResponse(response, output, context.signal);
    if (options.json === true) writeJson(io.stdout, done);
    else io.stdout.write(`${options.output ?? `${done.id}.mp4`}\n`);
  });
}

async function storyboard(context: CommandContext, file: string, options: StoryboardOptions) {
  const body = await readStoryboard(context.io.cwd, file);
  if (options.estimate === true) return estimate(context, body, options.json === true);
  return render(context, body, options);
}

export function registerStoryboardCommand(program: Command, context: CommandContext): void {
  program
    .command('storyboard')
    .description('render a shot list (YAML or JSON) as one stitched MP4')
    .argument(
      '<file>',
      'the storyboard: name, fps, size, model, and shots (prompt, seconds, model, image, continue, seed)',
    )
    .option('--estimate', 'print what every shot and the whole would cost, and render nothing')
    .option('--wait', 'wait until it is stitched and save the MP4')
    .option('-o, --output <file>', 'where to save the stitched MP4 (implies --wait)')
    .option('--json', 'print the storyboard (or the estimate) as JSON')
    .option('--timeout <seconds>', 'stop waiting after this many seconds', parsePositiveNumber)
    .action((file: string, options: StoryboardOptions) => storyboard(context, file, options));
}
