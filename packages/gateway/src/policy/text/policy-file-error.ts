/** A policy file that cannot be used: the message names the file and, where known, line and column. */
export class PolicyFileError extends Error {
  readonly fileName: string;
  readonly line: number | null;
  readonly column: number | null;
  /** The key path of a schema error, e.g. `lexicons.2.effect`; null for syntax errors. */
  readonly path: string | null;

  constructor(
    fileName: string,
    detail: string,
    position: { line?: number; column?: number; path?: string } = {},
  ) {
    const where = position.line != null ? `:${position.line}:${position.column ?? 1}` : '';
    super(`${fileName}${where}: ${detail}`);
    this.name = 'PolicyFileError';
    this.fileName = fileName;
    this.line = position.line ?? null;
    this.column = position.column ?? null;
    this.path = position.path ?? null;
  }
}
