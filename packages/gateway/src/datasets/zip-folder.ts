import { createWriteStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';

async function filesUnder(root: string, directory = root): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) files.push(...(await filesUnder(root, path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

/**
 * Zips a folder's files with paths relative to it (so it unzips into the same layout). MP4s are
 * stored, not deflated: they are compressed already, and deflate would only cost time. Entries
 * carry a fixed time so the same folder always zips to the same bytes.
 */
export async function zipFolder(root: string, zipPath: string): Promise<void> {
  const zip = new yazl.ZipFile();
  const mtime = new Date('2000-01-01T00:00:00Z');
  for (const file of await filesUnder(root)) {
    const name = relative(root, file).split(sep).join('/');
    zip.addFile(file, name, { compress: !name.endsWith('.mp4'), mtime });
  }
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(zipPath));
}
