import { processEnvironment } from '@vgw/gateway';
import type { CliIo, SignalSource } from './cli-io.js';

const interruptSignals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
const interruptedExitCode = 130;

/**
 * SIGINT and SIGTERM start a graceful stop; a second one means the user is done waiting, so
 * the process exits at once as it would have without a handler.
 */
const processSignals: SignalSource = (handler) => {
  let received = 0;
  const listener = (signal: NodeJS.Signals) => {
    received += 1;
    if (received > 1) process.exit(interruptedExitCode);
    handler(signal);
  };
  for (const signal of interruptSignals) process.on(signal, listener);
  return () => {
    for (const signal of interruptSignals) process.off(signal, listener);
  };
};

/** The real process's streams, environment and signals. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    environment: processEnvironment(),
    cwd: process.cwd(),
    isTTY: process.stderr.isTTY === true,
    signals: processSignals,
  };
}
