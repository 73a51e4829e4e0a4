import type { Vgw } from '@vgw/sdk';

/**
 * A client bound to either a remote gateway or one running inside this process. Its own file so
 * the embedded session can produce one without importing the module that chooses between modes.
 */
export interface ClientSession {
  client: Vgw;
  /** True when the gateway runs inside this process and stops when the command ends. */
  embedded: boolean;
  /** The wait between status checks, when this mode wants other than the SDK's default. */
  pollIntervalMs: number | null;
  /** Stops what the session started (the embedded worker and database); safe to call twice. */
  close(): Promise<void>;
}

export interface SessionOptions {
  /** Renders need a worker; reads and deletes do not. */
  worker: boolean;
}
