import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ScoreResult } from '@vgw/gateway';
import type { Command } from 'commander';
import { withClientSession } from '../client/client-session.js';
import { downloadContent } from '../client/download-content.js';
import type { CommandContext } from '../command-context.js';
import { fileError } from '../errors/cli-error.js';
import { renderPerFrameCsv, renderScore } from '../output/score-output.js';
import { writeJson } from '../output/write-json.js';
import { binaryPaths, scoreLocalFile } from '../scoring/score-local-file.js';

interface ScoreOptions {
  json?: boolean;
  perFrame?: string;
}

async function isExistingPath(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function scoreFile(context: CommandContext, target: string, file: string) {
  return scoreLocalFile(await binaryPaths(context), target, file);
}

/** Downloads the video's MP4 into a temporary directory, scores it, removes the directory. */
async function scoreVideoId(context: CommandContext, id: string): Promise<ScoreResult> {
  const directory = await mkdtemp(join(tmpdir(), 'vgw-score-'));
  try {
    const file = join(directory, `${id.replace(/[^\w.-]/g, '_')}.mp4`);
    await withClientSession(context, { worker: false }, ({ client }) =>
      downloadContent(client, id, 'video', file, context.signal),
    );
    return await scoreFile(context, id, file);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

async function writePerFrame(context: CommandContext, output: string, result: ScoreResult) {
  const path = resolve(context.io.cwd, output);
  try {
    await writeFile(path, renderPerFrameCsv(result));
  } catch (error) {
    throw fileError('write', output, error);
  }
}

async function score(context: CommandContext, target: string, options: ScoreOptions) {
  const path = resolve(context.io.cwd, target);
  const result = (await isExistingPath(path))
    ? await scoreFile(context, target, path)
    : await scoreVideoId(context, target);
  if (options.perFrame != null) await writePerFrame(context, options.perFrame, result);
  if (options.json === true) writeJson(context.io.stdout, result);
  else context.io.stdout.write(renderScore(result));
}

export function registerScoreCommand(program: Command, context: CommandContext): void {
  program
    .command('score')
    .description("measure a video's temporal stability (a local file or a video id)")
    .argument('<target>', 'a video file, or the id of a finished video to download and score')
    .option('--json', 'print the full result as JSON')
    .option('--per-frame <file>', 'also write the per-frame series as CSV')
    .action((target: string, options: ScoreOptions) => score(context, target, options));
}
