import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { CliError } from '../errors/cli-error.js';

/**
 * Unzips into `directory`. yauzl refuses absolute names and `..` segments; the resolved path is
 * checked against the folder as well, so no entry can write outside it.
 */
export async function extractZip(zipPath: string, directory: string): Promise<number> {
  const zip = await yauzl.openPromise(zipPath, { lazyEntries: true });
  const root = resolve(directory);
  let files = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      const target = resolve(join(root, entry.fileName));
      if (!target.startsWith(root + sep)) {
        throw new CliError(`the dataset zip names a path outside its folder: ${entry.fileName}`);
      }
      if (entry.fileName.endsWith('/')) {
        await mkdir(target, { recursive: true });
        continue;
      }
      await mkdir(dirname(target), { recursive: true });
      await pipeline(await zip.openReadStreamPromise(entry), createWriteStream(target));
      files += 1;
    }
  } finally {
    zip.close();
  }
  return files;
}
