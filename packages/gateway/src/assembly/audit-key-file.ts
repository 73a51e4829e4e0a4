import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';

/** Where the audit key lives: beside the embedded database, outside it. */
export function auditKeyPath(dataDir: string): string {
  return join(dataDir, 'audit.key');
}

const keyFileSchema = z
  .string()
  .trim()
  .regex(/^(?:[0-9a-f]{2}){32,}$/, 'expected at least 64 lowercase hex digits');

export class AuditKeyFileError extends Error {
  override name = 'AuditKeyFileError';
}

function isErrno(error: unknown, code: string): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === code;
}

/** The key in the file, or null when there is no file yet. */
export async function readAuditKey(path: string): Promise<Buffer | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return null;
    throw error;
  }
  const parsed = keyFileSchema.safeParse(text);
  if (!parsed.success) {
    throw new AuditKeyFileError(`${path}: not an audit key (${parsed.error.issues[0]?.message})`);
  }
  return Buffer.from(parsed.data, 'hex');
}

/**
 * The key in the file, made on first use: 32 random bytes, readable by the owner only. Written
 * aside and linked into place, so the file is never seen half written and two processes starting
 * at once end up with the same key.
 */
export async function loadOrCreateAuditKey(
  path: string,
  random: (size: number) => Buffer = randomBytes,
): Promise<Buffer> {
  const existing = await readAuditKey(path);
  if (existing != null) return existing;
  await mkdir(dirname(path), { recursive: true });
  const key = random(32);
  const aside = `${path}.${random(8).toString('hex')}.new`;
  await writeFile(aside, `${key.toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
  try {
    await link(aside, path);
    return key;
  } catch (error) {
    if (!isErrno(error, 'EEXIST')) throw error;
    const raced = await readAuditKey(path);
    if (raced == null) throw new AuditKeyFileError(`${path} vanished while it was created`);
    return raced;
  } finally {
    await rm(aside, { force: true });
  }
}
