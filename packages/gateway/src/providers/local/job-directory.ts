import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const maxPlainKeyLength = 100;

/**
 * The job directory's name for an idempotency key: the key itself when it is already made of
 * [A-Za-z0-9_-] and short; otherwise a cleaned prefix plus a hash of the whole key, so two keys
 * that clean to the same text still get different directories.
 */
export function jobDirectoryName(idempotencyKey: string): string {
  if (/^[A-Za-z0-9_-]{1,100}$/.test(idempotencyKey)) return idempotencyKey;
  const cleaned = idempotencyKey.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, maxPlainKeyLength / 2);
  const digest = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 24);
  return `${cleaned}-${digest}`;
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

/** A file's text, or null when it does not exist. */
export async function readOptionalText(jobDir: string, name: string): Promise<string | null> {
  try {
    return await readFile(join(jobDir, name), 'utf8');
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/** A JSON file's value, or null when it does not exist or is not valid JSON. */
export async function readOptionalJson(jobDir: string, name: string): Promise<unknown> {
  const text = await readOptionalText(jobDir, name);
  if (text == null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** Writes via a temporary file and a rename, so readers never see half a file. */
export async function writeFileAtomically(
  jobDir: string,
  name: string,
  content: string,
): Promise<void> {
  const temporary = join(jobDir, `${name}.${process.pid}.partial`);
  await writeFile(temporary, content);
  await rename(temporary, join(jobDir, name));
}
