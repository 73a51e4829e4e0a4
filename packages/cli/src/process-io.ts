import { processEnvironment } from '@vgw/gateway';
import type { CliIo, SignalSource } from './cli-io.js';
import { watchForOrphaning } from './lifecycle/orphan-watch.js';

const interruptSignals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
const interruptedExitCode = 130;

/**
 * SIGINT and SIGTERM start a graceful stop; a second one means the user is done waiting, so
 * the process exits at once as it would have without a handler. Under `npx`, losing the parent
 * shell starts the same stop (see orphan-watch.ts).
 */
function processSignals(startedByNpmExec: boolean): SignalSource {
  return (handler) => {
    let received = 0;
    const listener = (signal: NodeJS.Signals) => {
      received += 1;
      if (received > 1) process.exit(interruptedExitCode);
      handler(signal);
    };
    for (const signal of interruptSignals) process.on(signal, listener);
    const stopWatching = startedByNpmExec
      ? watchForOrphaning(() => listener('SIGTERM'), { parentId: () => process.ppid })
      : () => {};
    return () => {
      stopWatching();
      for (const signal of interruptSignals) process.off(signal, listener);
    };
  };
}

/** The real process's streams, environment and signals. */
export function processIo(): CliIo {
  const environment = processEnvironment();
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    environment,
    cwd: process.cwd(),
    isTTY: process.stderr.isTTY === true,
    signals: processSignals(environment.npm_command === 'exec'),
  };
}
