/** Where a stream of the CLI's output goes; `process.stdout` and test buffers both fit. */
export interface OutputStream {
  write(text: string): unknown;
}

/** Registers a handler for interrupt signals (Ctrl-C, SIGTERM); returns the unsubscriber. */
export type SignalSource = (handler: (signal: NodeJS.Signals) => void) => () => void;

/**
 * Everything the CLI touches outside itself, injected so `run()` can be tested in-process
 * without spawning a child or touching the real environment.
 */
export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  environment: Record<string, string | undefined>;
  cwd: string;
  /** Whether stderr is a terminal: the progress bar is drawn only there. */
  isTTY: boolean;
  /** Defaults to no signals at all, which suits tests; the binary wires SIGINT and SIGTERM. */
  signals?: SignalSource;
}
