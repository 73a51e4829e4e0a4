import { resolve } from 'node:path';
import type { CreateAndPollOptions, Video, VideoCreateParams } from '@vgw/sdk';
import type { Command } from 'commander';
import type { ClientSession } from '../client/client-session.js';
import { withClientSession } from '../client/client-session.js';
import { downloadContent } from '../client/download-content.js';
import type { CommandContext } from '../command-context.js';
import { CliError, InterruptedError } from '../errors/cli-error.js';
import { readInputReference } from '../files/read-input-reference.js';
import {
  parseNonNegativeInteger,
  parsePositiveInteger,
  parsePositiveNumber,
  parseSize,
} from '../options/parse-option-values.js';
import { chooseProgressMode, createProgressReporter } from '../output/progress-reporter.js';
import { writeWarnings } from '../output/video-details.js';
import { writeJson } from '../output/write-json.js';

interface GenerateOptions {
  model?: string;
  seconds?: number;
  size?: string;
  fps?: number;
  seed?: number;
  inputReference?: string;
  output?: string;
  json?: boolean;
  progress: boolean;
  timeout?: number;
  dryRun?: boolean;
}

async function buildParams(
  cwd: string,
  prompt: string,
  options: GenerateOptions,
): Promise<VideoCreateParams> {
  const params: VideoCreateParams = { prompt };
  if (options.model != null) params.model = options.model;
  // A string, as OpenAI's API spells durations.
  if (options.seconds != null) params.seconds = String(options.seconds);
  if (options.size != null) params.size = options.size;
  if (options.fps != null) params.fps = options.fps;
  if (options.seed != null) params.seed = options.seed;
  if (options.inputReference != null) {
    params.input_reference = await readInputReference(cwd, options.inputReference);
  }
  return params;
}

async function renderVideo(
  context: CommandContext,
  session: ClientSession,
  params: VideoCreateParams,
  options: GenerateOptions,
): Promise<Video> {
  const { io } = context;
  const mode = chooseProgressMode({
    json: options.json === true,
    progress: options.progress,
    isTTY: io.isTTY,
  });
  const reporter = createProgressReporter(mode, io.stderr);
  let latest: Video | null = null;
  const pollOptions: CreateAndPollOptions = {
    signal: context.signal,
    onProgress: (video) => {
      // Warnings are fixed at creation: print them once, before the bar takes the line.
      if (latest == null) writeWarnings(io.stderr, video);
      latest = video;
      reporter.update(video);
    },
  };
  if (session.pollIntervalMs != null) pollOptions.pollIntervalMs = session.pollIntervalMs;
  if (options.timeout != null) pollOptions.timeoutMs = options.timeout * 1000;
  try {
    return await session.client.videos.createAndPoll(params, pollOptions);
  } catch (error) {
    if (context.signal.aborted && latest != null) throw interruptedRender(latest, session);
    throw error;
  } finally {
    reporter.stop();
  }
}

/** The render goes on without us: say what became of it and how to pick it up again. */
function interruptedRender(video: Video, session: ClientSession): InterruptedError {
  const next = session.embedded
    ? `"vgw worker" finishes it, "vgw delete ${video.id}" cancels it`
    : `the gateway keeps rendering it: see "vgw get ${video.id}"`;
  return new InterruptedError(`interrupted; video ${video.id} is ${video.status}: ${next}`);
}

async function generate(
  context: CommandContext,
  prompt: string,
  options: GenerateOptions,
): Promise<void> {
  const { io } = context;
  const params = await buildParams(io.cwd, prompt, options);
  if (options.dryRun === true) return dryRun(context, params, options);
  await withClientSession(context, { worker: true }, async (session) => {
    const video = await renderVideo(context, session, params, options);
    if (video.status === 'failed') {
      const code = video.error?.code ?? 'unknown';
      const reason = video.error?.message ?? 'no reason given';
      throw new CliError(`video ${video.id} failed: ${code}: ${reason}`);
    }
    const output = options.output ?? `${video.id}.mp4`;
    await downloadContent(
      session.client,
      video.id,
      'video',
      resolve(io.cwd, output),
      context.signal,
    );
    if (options.json === true) writeJson(io.stdout, video);
    else io.stdout.write(`${output}\n`);
  });
}

/** Prices and checks the render without making it: nothing is stored, reserved or rendered. */
async function dryRun(
  context: CommandContext,
  params: VideoCreateParams,
  options: GenerateOptions,
): Promise<void> {
  const { stdout, stderr } = context.io;
  await withClientSession(context, { worker: false }, async (session) => {
    const estimate = await session.client.videos.estimate(params, { signal: context.signal });
    if (options.json === true) return writeJson(stdout, estimate);
    writeWarnings(stderr, estimate);
    const { cost } = estimate;
    stdout.write(
      `would render ${estimate.seconds} s at ${estimate.size} on ${estimate.model}: ` +
        `${cost.estimate_usd} USD (${cost.usd_per_second} USD/s, ${cost.basis.replace('_', ' ')})\n`,
    );
  });
}

export function registerGenerateCommand(program: Command, context: CommandContext): void {
  program
    .command('generate')
    .description('render a video from a prompt and save it as an MP4')
    .argument('<prompt>', 'what the video shows')
    .option('--model <model>', 'the engine to render with (see "vgw engines")')
    .option('--seconds <n>', 'duration in seconds', parsePositiveNumber)
    .option('--size <WxH>', 'width x height in pixels, e.g. 1280x720', parseSize)
    .option('--fps <n>', 'frames per second', parsePositiveInteger)
    .option('--seed <n>', 'a seed, for repeatable renders', parseNonNegativeInteger)
    .option('--input-reference <file>', 'an image (JPEG, PNG, WebP) that guides the first frame')
    .option('-o, --output <file>', 'where to save the MP4 (default: <video id>.mp4)')
    .option('--json', 'print the finished video as JSON instead of the file path')
    .option('--no-progress', 'show no progress while rendering')
    .option('--timeout <seconds>', 'stop waiting after this many seconds', parsePositiveNumber)
    .option('--dry-run', 'print what it would render and cost, and render nothing')
    .action((prompt: string, options: GenerateOptions) => generate(context, prompt, options));
}
