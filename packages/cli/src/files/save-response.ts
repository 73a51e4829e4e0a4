import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { CliError, fileError, systemErrorCode } from '../errors/cli-error.js';

/**
 * Streams a response body into `path` without holding it in memory. It is written beside the
 * target first and renamed at the end, so an interrupted download never leaves a truncated file
 * under the final name.
 */
export async function saveResponse(
  response: Response,
  path: string,
  signal: AbortSignal,
): Promise<void> {
  if (response.body == null) throw new CliError(`the gateway sent no content for ${path}`);
  const partial = `${path}.part`;
  try {
    const source = Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>);
    await pipeline(source, createWriteStream(partial), { signal });
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    if (signal.aborted) throw error;
    if (systemErrorCode(error) != null) throw fileError('write', path, error);
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`the download of ${path} broke off: ${reason}`, { cause: error });
  }
}
