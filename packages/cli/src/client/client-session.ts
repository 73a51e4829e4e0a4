import { Vgw } from '@vgw/sdk';
import { remoteGatewayFromEnvironment } from '@vgw/gateway';
import type { CommandContext } from '../command-context.js';
import { CliError } from '../errors/cli-error.js';
import { openEmbeddedSession } from './embedded-session.js';
import type { ClientSession, SessionOptions } from './session.js';

// Commands and the bench name the session's types through the module that opens one.
export type { ClientSession, SessionOptions } from './session.js';

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
