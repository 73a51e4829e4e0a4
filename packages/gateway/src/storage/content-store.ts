import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface StoredBlob {
  sha256: string;
  bytes: number;
}

/**
 * Files named by the sha256 of their content. A blob is written to a temporary name and renamed
 * into place, so a reader never sees half a file and a crash leaves at most a stray temp file.
 */
export interface ContentStore {
  putStream(source: Readable | ReadableStream<Uint8Array>): Promise<StoredBlob>;
  putFile(path: string): Promise<StoredBlob>;
  putBytes(bytes: Uint8Array): Promise<StoredBlob>;
  pathOf(sha256: string): string;
  size(sha256: string): Promise<number | null>;
  openRead(sha256: string, range?: { start: number; end: number }): Readable;
  remove(sha256: string): Promise<void>;
}

const hashPattern = /^[0-9a-f]{64}$/;

export function createContentStore(rootDir: string): ContentStore {
  const blobsDir = join(rootDir, 'blobs');
  const incomingDir = join(rootDir, 'incoming');

  function pathOf(sha256: string): string {
    if (!hashPattern.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return join(blobsDir, sha256.slice(0, 2), sha256);
  }

  async function putStream(source: Readable | ReadableStream<Uint8Array>): Promise<StoredBlob> {
    await mkdir(incomingDir, { recursive: true });
    const temporary = join(incomingDir, randomBytes(12).toString('hex'));
    const hash = createHash('sha256');
    let bytes = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        bytes += chunk.length;
        callback(null, chunk);
      },
    });
    const input = source instanceof Readable ? source : Readable.fromWeb(source as never);
    try {
      await pipeline(input, measure, createWriteStream(temporary));
      const sha256 = hash.digest('hex');
      const target = pathOf(sha256);
      await mkdir(join(blobsDir, sha256.slice(0, 2)), { recursive: true });
      await rename(temporary, target);
      return { sha256, bytes };
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  return {
    putStream,
    putFile: (path) => putStream(createReadStream(path)),
    putBytes: (bytes) => putStream(Readable.from([Buffer.from(bytes)])),
    pathOf,
    async size(sha256) {
      try {
        return (await stat(pathOf(sha256))).size;
      } catch {
        return null;
      }
    },
    openRead: (sha256, range) =>
      createReadStream(pathOf(sha256), range != null ? { start: range.start, end: range.end } : {}),
    remove: (sha256) => rm(pathOf(sha256), { force: true }),
  };
}
