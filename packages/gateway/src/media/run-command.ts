import { spawn } from 'node:child_process';

export interface RunCommandOptions {
  /** The process is killed (SIGKILL) when it runs longer than this. */
  timeoutMs: number;
  cwd?: string;
  /** Stops collecting stdout past this many bytes so a runaway process cannot exhaust memory. */
  maxStdoutBytes?: number;
}

export interface RunCommandResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: Buffer;
  stderr: string;
}

const defaultMaxStdoutBytes = 256 * 1024 * 1024;
const maxStderrChars = 64 * 1024;

/**
 * Runs a short-lived process to completion and collects its output. Arguments are passed as an
 * argv array, never through a shell. Resolves (never rejects) once the process has exited, so
 * callers decide what a non-zero exit means; a failure to spawn resolves with exitCode null.
 */
export function runCommand(
  file: string,
  args: readonly string[],
  options: RunCommandOptions,
): Promise<RunCommandResult> {
  return new Promise((resolve) => {
    const child = spawn(file, args, {
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const limit = options.maxStdoutBytes ?? defaultMaxStdoutBytes;
    const chunks: Buffer[] = [];
    let stdoutBytes = 0;
    let stderr = '';
    let timedOut = false;
    let settled = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);

    child.stdout.on('data', (chunk: Buffer) => {
      if (stdoutBytes + chunk.length > limit) return;
      stdoutBytes += chunk.length;
      chunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      // Keep the tail: the last lines say why a process failed.
      stderr = (stderr + chunk.toString('utf8')).slice(-maxStderrChars);
    });
    const finish = (exitCode: number | null, signal: NodeJS.Signals | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ exitCode, signal, timedOut, stdout: Buffer.concat(chunks), stderr });
    };
    child.on('error', (error) => {
      stderr += `\n${error.message}`;
      finish(null, null);
    });
    child.on('close', (exitCode, signal) => finish(exitCode, signal));
  });
}
