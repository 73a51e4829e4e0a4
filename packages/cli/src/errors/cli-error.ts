/** A failure the user can act on: printed as one line, `vgw: <message>`, never with a stack. */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, options: { exitCode?: number; cause?: unknown } = {}) {
    super(message, options.cause != null ? { cause: options.cause } : undefined);
    this.name = 'CliError';
    this.exitCode = options.exitCode ?? 1;
  }
}

/** Bad flags or arguments: exit code 2, like other Unix tools. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, { exitCode: 2 });
    this.name = 'UsageError';
  }
}

/** The node error code (ENOENT, EACCES, …) of a failed file-system call, if it is one. */
export function systemErrorCode(error: unknown): string | null {
  if (!(error instanceof Error) || !('code' in error)) return null;
  return typeof error.code === 'string' ? error.code : null;
}

/** Turns a failed file-system call into a one-line user error naming the file. */
export function fileError(action: string, path: string, error: unknown): unknown {
  const code = systemErrorCode(error);
  if (code == null || !(error instanceof Error)) return error;
  const reason = code === 'ENOENT' ? 'no such file or directory' : error.message;
  return new CliError(`cannot ${action} ${path}: ${reason}`, { cause: error });
}

/** Ctrl-C or SIGTERM ended a command early; exit 130 as shells report an interrupted program. */
export class InterruptedError extends CliError {
  constructor(message = 'interrupted') {
    super(message, { exitCode: 130 });
    this.name = 'InterruptedError';
  }
}
