import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/** A folder made before the enclosing suite's tests; `path` is read inside tests only. */
export interface ScratchDirectory {
  readonly path: string;
  /** `name` inside the folder. */
  file(name: string): string;
}

/**
 * Makes a temporary folder (and any seed files given) before the enclosing suite's tests and
 * removes it after them, so each test file does not repeat the same hooks.
 */
export function useScratchDirectory(
  prefix: string,
  seedFiles: Record<string, Uint8Array> = {},
): ScratchDirectory {
  let path: string | null = null;
  beforeAll(async () => {
    path = await mkdtemp(join(tmpdir(), prefix));
    for (const [name, bytes] of Object.entries(seedFiles)) await writeFile(join(path, name), bytes);
  });
  afterAll(async () => {
    if (path != null) await rm(path, { recursive: true, force: true });
  });
  const scratch: ScratchDirectory = {
    get path() {
      if (path == null) throw new Error('the scratch directory is made in beforeAll');
      return path;
    },
    file: (name) => join(scratch.path, name),
  };
  return scratch;
}
