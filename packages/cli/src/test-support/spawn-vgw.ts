import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { processEnvironment } from '@vgw/gateway';

export const vgwBinary = fileURLToPath(new URL('../../bin/vgw.js', import.meta.url));

export interface VgwResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface VgwProcess {
  child: ChildProcess;
  /** Resolves with the match once stdout prints `pattern`; rejects if the process exits first. */
  waitForStdout(pattern: RegExp): Promise<RegExpMatchArray>;
  exited: Promise<VgwResult>;
}

const overridingVariables = new Set(['DATABASE_URL', 'FFMPEG_PATH', 'FFPROBE_PATH']);

/**
 * The test runner's environment without anything that would point the CLI at another gateway,
 * database or config, so each test sees only its own temp directory.
 */
export function isolatedEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(processEnvironment())) {
    if (name.startsWith('VGW_') || overridingVariables.has(name)) continue;
    environment[name] = value;
  }
  return { ...environment, ...extra };
}

export interface SpawnVgwOptions {
  cwd: string;
  environment?: Record<string, string>;
  /**
   * Start it as `npx vgw` does: npm exec runs `sh -c`, which waits for node instead of
   * replacing itself by it. `child` is then that shell, leading a process group of its own.
   */
  underNpmExecShell?: boolean;
}

export function spawnVgw(args: readonly string[], options: SpawnVgwOptions): VgwProcess {
  const shell = options.underNpmExecShell === true;
  const command = shell ? '/bin/sh' : process.execPath;
  const commandArgs = shell
    ? ['-c', '"$0" "$@"; exit $?', process.execPath, vgwBinary, ...args]
    : [vgwBinary, ...args];
  const child = spawn(command, commandArgs, {
    cwd: options.cwd,
    env: isolatedEnvironment({
      ...(shell ? { npm_command: 'exec' } : {}),
      ...options.environment,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: shell,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<VgwResult>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (exitCode, signal) => resolve({ exitCode, signal, stdout, stderr }));
  });
  const waitForStdout = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(stdout);
        if (match == null) return;
        child.stdout.off('data', check);
        resolve(match);
      };
      child.stdout.on('data', check);
      check();
      void exited.then((result) =>
        reject(
          new Error(`vgw exited (${result.exitCode}) before printing ${pattern}: ${result.stderr}`),
        ),
      );
    });
  return { child, waitForStdout, exited };
}

export function runVgw(args: readonly string[], options: SpawnVgwOptions): Promise<VgwResult> {
  return spawnVgw(args, options).exited;
}
