import { mkdir, mkdtemp, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InvalidRequestError } from '@vgw/spec';

async function entriesOf(directory: string): Promise<string[] | null> {
  try {
    return await readdir(directory);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return ['(a file)'];
    throw error;
  }
}

/** An export never mixes with what a folder already holds. */
export async function refuseNonEmpty(outDir: string): Promise<void> {
  const entries = await entriesOf(outDir);
  if (entries != null && entries.length > 0) {
    throw new InvalidRequestError(
      `${outDir} is not empty: give a new or empty folder, so the dataset is only what this export wrote`,
      'out',
    );
  }
}

/**
 * Builds a folder in a sibling staging folder (same filesystem) and renames it into place only
 * once `work` has finished, so a crash or an error leaves no half dataset at `outDir`, only a
 * hidden `.NAME.partial-*` folder that this removes on failure.
 */
export async function writeStaged<T>(
  outDir: string,
  work: (staging: string) => Promise<T>,
): Promise<T> {
  const target = resolve(outDir);
  await refuseNonEmpty(target);
  await mkdir(dirname(target), { recursive: true });
  const staging = await mkdtemp(join(dirname(target), `.${basename(target)}.partial-`));
  try {
    const result = await work(staging);
    await refuseNonEmpty(target);
    // An empty folder given as the target goes first: rename cannot replace one everywhere.
    if ((await entriesOf(target)) != null) await rmdir(target);
    await rename(staging, target);
    return result;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
