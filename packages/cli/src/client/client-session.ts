import { Vgw } from '@vgw/sdk';
import { remoteGatewayFromEnvironment } from '@vgw/gateway';
import type { CommandContext } from '../command-context.js';
import { CliError } from '../errors/cli-error.js';
import { openEmbeddedSession } from './embedded-session.js';

/** A client bound to either a remote gateway or one running inside this process. */
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

function openRemoteSession(baseURL: string, apiKey: string): ClientSession {
  if (!URL.canParse(baseURL)) {
    throw new CliError(
      `VGW_BASE_URL "${baseURL}" is not an absolute URL (e.g. http://127.0.0.1:8080/v1)`,
    );
  }
  const client = new Vgw({ baseURL, apiKey });
  return { client, embedded: false, pollIntervalMs: null, close: async () => {} };
}

/**
 * VGW_BASE_URL and VGW_API_KEY select a remote gateway; without them the CLI embeds one, so
 * every command goes through the same SDK calls either way.
 */
export async function openClientSession(
  context: CommandContext,
  options: SessionOptions,
): Promise<ClientSession> {
  const remote = remoteGatewayFromEnvironment(context.io.environment);
  if (remote != null) return openRemoteSession(remote.baseURL, remote.apiKey);
  return openEmbeddedSession(context, options);
}

/** Runs `work` with a session and always closes the session afterwards. */
export async function withClientSession<Result>(
  context: CommandContext,
  options: SessionOptions,
  work: (session: ClientSession) => Promise<Result>,
): Promise<Result> {
  const session = await openClientSession(context, options);
  try {
    return await work(session);
  } finally {
    await session.close();
  }
}
