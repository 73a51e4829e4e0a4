import type { CliIo, SignalSource } from '../cli-io.js';

export interface CapturedIo {
  io: CliIo;
  stdout(): string;
  stderr(): string;
  /** Resolves once stdout or stderr (both together) has printed text matching `pattern`. */
  waitForOutput(pattern: RegExp): Promise<string>;
  /** Delivers an interrupt signal, as Ctrl-C would. */
  interrupt(signal?: NodeJS.Signals): void;
}

/** An in-memory CliIo for running `run()` in-process. */
export function captureIo(options: {
  cwd: string;
  environment?: Record<string, string | undefined>;
  isTTY?: boolean;
}): CapturedIo {
  let stdout = '';
  let stderr = '';
  const waiters: { pattern: RegExp; resolve: (text: string) => void }[] = [];
  const handlers = new Set<(signal: NodeJS.Signals) => void>();
  const check = () => {
    for (const waiter of [...waiters]) {
      if (!waiter.pattern.test(stdout + stderr)) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(stdout + stderr);
    }
  };
  const signals: SignalSource = (handler) => {
    handlers.add(handler);
    return () => handlers.delete(handler);
  };
  return {
    io: {
      stdout: { write: (text: string) => ((stdout += text), check()) },
      stderr: { write: (text: string) => ((stderr += text), check()) },
      environment: options.environment ?? {},
      cwd: options.cwd,
      isTTY: options.isTTY ?? false,
      signals,
    },
    stdout: () => stdout,
    stderr: () => stderr,
    waitForOutput: (pattern) =>
      new Promise((resolve) => {
        waiters.push({ pattern, resolve });
        check();
      }),
    interrupt: (signal = 'SIGINT') => {
      for (const handler of handlers) handler(signal);
    },
  };
}
