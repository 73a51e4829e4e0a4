import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Runs `xmllint --noout` (plus any extra arguments, e.g. `--dtdvalid file.dtd`) on `document`,
 * written to a temporary file; resolves to xmllint's complaints, empty when the document passes.
 */
export async function xmllintErrors(document: string, extra: string[] = []): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'vgw-xmllint-'));
  const file = join(folder, 'document.xml');
  try {
    await writeFile(file, document);
    await run('xmllint', ['--noout', ...extra, file]);
    return '';
  } catch (error) {
    const stderr = (error as { stderr?: unknown }).stderr;
    if (typeof stderr === 'string' && stderr !== '') return stderr;
    throw error;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
