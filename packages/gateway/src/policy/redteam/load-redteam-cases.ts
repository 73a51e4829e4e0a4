import { readFile } from 'node:fs/promises';
import { redteamCaseSchema } from './redteam-case.js';
import type { RedteamCase } from './redteam-case.js';

/** A suite file that cannot be used; the message names the file and, where one is at fault, the line. */
export class RedteamSuiteError extends Error {
  readonly file: string;
  readonly line: number | null;

  constructor(file: string, line: number | null, reason: string, cause?: unknown) {
    super(`${file}${line != null ? `:${line}` : ''}: ${reason}`, cause != null ? { cause } : {});
    this.name = 'RedteamSuiteError';
    this.file = file;
    this.line = line;
  }
}

function parseLine(file: string, lineNumber: number, line: string): RedteamCase {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RedteamSuiteError(file, lineNumber, `not JSON: ${reason}`, error);
  }
  const parsed = redteamCaseSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue != null && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new RedteamSuiteError(file, lineNumber, `${where}${issue?.message ?? 'invalid row'}`);
  }
  return parsed.data;
}

interface NumberedCase {
  line: number;
  row: RedteamCase;
}

function parseNumbered(file: string, text: string): NumberedCase[] {
  const rows: NumberedCase[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    rows.push({ line: index + 1, row: parseLine(file, index + 1, line) });
  });
  return rows;
}

/** Parses one JSONL text; blank lines are skipped, every other line must be a valid row. */
export function parseRedteamJsonl(file: string, text: string): RedteamCase[] {
  return parseNumbered(file, text).map((numbered) => numbered.row);
}

/** Reads and validates JSONL suite files, in order; an id may appear only once across all of them. */
export async function loadRedteamCases(paths: string[]): Promise<RedteamCase[]> {
  const cases: RedteamCase[] = [];
  const seen = new Map<string, string>();
  for (const path of paths) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new RedteamSuiteError(path, null, `cannot read: ${reason}`, error);
    }
    for (const { line, row } of parseNumbered(path, text)) {
      const earlier = seen.get(row.id);
      if (earlier != null) {
        throw new RedteamSuiteError(path, line, `id ${row.id} is already used at ${earlier}`);
      }
      seen.set(row.id, `${path}:${line}`);
      cases.push(row);
    }
  }
  return cases;
}
