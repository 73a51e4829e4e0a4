import { ensureProject } from '@vgw/gateway';
import type { Gateway, Worker } from '@vgw/gateway';
import { Vgw } from '@vgw/sdk';
import type { FetchFunction } from '@vgw/sdk';
import type { CommandContext } from '../command-context.js';
import type { ClientSession, SessionOptions } from './client-session.js';
import { openGateway } from './open-gateway.js';

/** Never resolved over a network: requests go straight to the in-process app. */
export const embeddedBaseURL = 'http://embedded.vgw/v1';
const embeddedPollIntervalMs = 250;
/** The embedded gateway serves one project; its API key is never checked. */
const localProject = { id: 'proj_local', name: 'local' };

function embeddedFetch(gateway: Gateway): FetchFunction {
  return async (url, init) => gateway.app.fetch(new Request(url, init));
}

function closer(
  gateway: Gateway,
  currentWorker: () => Worker | null,
  signal: AbortSignal,
): () => Promise<void> {
  let closing: Promise<void> | null = null;
  const shutdown = async () => {
    try {
      // On Ctrl-C an unfinished render is abandoned at once; the next worker resumes it.
      const graceMs = signal.aborted ? 0 : gateway.config.workers.shutdownGraceMs;
      await currentWorker()?.stop({ graceMs });
    } finally {
      await gateway.close();
    }
  };
  return () => {
    closing ??= shutdown();
    return closing;
  };
}

/** A gateway in this process, on the configured data dir (or DATABASE_URL), with one worker. */
export async function openEmbeddedSession(
  context: CommandContext,
  options: SessionOptions,
): Promise<ClientSession> {
  let projectId: string | null = null;
  const gateway = await openGateway(context, {
    logging: 'quiet',
    // In-process status checks are nearly free, so the embedded gateway hints a faster pace.
    pollAfterMs: embeddedPollIntervalMs,
    authenticator: async () => (projectId != null ? { projectId } : null),
  });
  let worker: Worker | null = null;
  const close = closer(gateway, () => worker, context.signal);
  try {
    projectId = (await ensureProject(gateway.database, localProject)).id;
    if (options.worker) {
      worker = gateway.newWorker();
      await worker.start();
    }
  } catch (error) {
    await close();
    throw error;
  }
  const client = new Vgw({
    baseURL: embeddedBaseURL,
    apiKey: 'embedded',
    fetch: embeddedFetch(gateway),
    // In-process failures are deterministic: a retry would only repeat them.
    maxRetries: 0,
  });
  return {
    client,
    embedded: true,
    pollIntervalMs: embeddedPollIntervalMs,
    close,
  };
}
