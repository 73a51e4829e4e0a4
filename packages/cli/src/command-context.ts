import type { CliIo } from './cli-io.js';

export interface GlobalOptions {
  /** `--config FILE`, or null to let the gateway find `vgw.config.*` (or VGW_CONFIG). */
  configFile: string | null;
  debug: boolean;
}

/** What every command's action receives besides its own arguments and flags. */
export interface CommandContext {
  io: CliIo;
  /** Aborted on Ctrl-C or SIGTERM, so long waits end and resources are still released. */
  signal: AbortSignal;
  /** Read when an action runs: commander has parsed the global flags by then. */
  globals(): GlobalOptions;
}
