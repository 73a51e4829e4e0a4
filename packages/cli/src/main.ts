import { CommanderError } from 'commander';
import { remoteGatewayFromEnvironment } from '@vgw/gateway';
import type { CliIo } from './cli-io.js';
import { describeError } from './errors/describe-error.js';
import { watchInterrupts } from './lifecycle/watch-interrupts.js';
import { processIo } from './process-io.js';
import { buildProgram } from './program.js';

export type { CliIo, OutputStream, SignalSource } from './cli-io.js';

/** Help and --version end commander's parse with an "error" that is really a success. */
const successfulExits = new Set(['commander.helpDisplayed', 'commander.version']);

function remoteBaseURL(io: CliIo): string | null {
  try {
    return remoteGatewayFromEnvironment(io.environment)?.baseURL ?? null;
  } catch {
    return null;
  }
}

function report(error: unknown, io: CliIo, argv: readonly string[], interrupted: boolean): number {
  if (error instanceof CommanderError) {
    if (successfulExits.has(error.code) || error.exitCode === 0) return 0;
    // No command, or a command group without a subcommand: commander printed help to stderr.
    if (error.code === 'commander.help') return 2;
  }
  const described = describeError(error, { baseURL: remoteBaseURL(io), interrupted });
  io.stderr.write(`vgw: ${described.message}\n`);
  if (described.unexpected) {
    const debug = argv.includes('--debug');
    if (debug && error instanceof Error && error.stack != null) io.stderr.write(`${error.stack}\n`);
    else if (!debug) io.stderr.write('vgw: run again with --debug to see where it failed\n');
  }
  return described.exitCode;
}

/** Runs one command line (`argv` as in process.argv) and resolves to the exit code. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const interrupts = watchInterrupts(io.signals);
  try {
    const program = buildProgram(io, interrupts.signal);
    await program.parseAsync([...argv], { from: 'node' });
    return 0;
  } catch (error) {
    return report(error, io, argv, interrupts.signal.aborted);
  } finally {
    interrupts.dispose();
  }
}

/** The binary's entry point. */
export async function main(argv: readonly string[]): Promise<void> {
  const exitCode = await run(argv, processIo());
  process.exitCode = exitCode;
  // Everything was closed; should a stray handle still hold the loop open, do not hang.
  setTimeout(() => process.exit(exitCode), 2_000).unref();
}
