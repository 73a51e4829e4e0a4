import { mediaBinaries, scoreVideo, VideoQualityError } from '@vgw/gateway';
import type { MediaBinaries, ScoreResult } from '@vgw/gateway';
import { loadContextConfig } from '../client/open-gateway.js';
import type { CommandContext } from '../command-context.js';
import { CliError } from '../errors/cli-error.js';

export type BinaryPaths = MediaBinaries;

/** Budget for each decode pass. */
export const scoreTimeoutMs = 10 * 60 * 1000;

/** The bundled binaries, unless the configuration names others for the local engine. */
export async function binaryPaths(context: CommandContext): Promise<BinaryPaths> {
  return mediaBinaries(await loadContextConfig(context));
}

/** Scores `file`; a video the metrics cannot read becomes a one-line CliError naming `target`. */
export async function scoreLocalFile(
  binaries: BinaryPaths,
  target: string,
  file: string,
): Promise<ScoreResult> {
  try {
    return await scoreVideo({ ...binaries, file, timeoutMs: scoreTimeoutMs });
  } catch (error) {
    if (!(error instanceof VideoQualityError)) throw error;
    throw new CliError(`cannot score ${target}: ${error.message}`, { cause: error });
  }
}
