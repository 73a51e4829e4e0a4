import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Found beside the package, not the working directory, so `vgw redteam` works from anywhere. */
export const redteamDataDir = fileURLToPath(new URL('../../../redteam/', import.meta.url));

export type ShippedSet = 'suite' | 'holdout';

/** The JSONL files of a shipped set, sorted, so the case order is the same on every machine. */
export async function shippedSuitePaths(set: ShippedSet): Promise<string[]> {
  const folder = join(redteamDataDir, set);
  const names = await readdir(folder);
  return names
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .map((name) => join(folder, name));
}
