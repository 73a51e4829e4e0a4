import { ensureProject } from '@vgw/gateway';
import type { Gateway, Worker } from '@vgw/gateway';
import { Vgw } from '@vgw/sdk';
import type { FetchFunction } from '@vgw/sdk';
import type { CommandContext } from '../command-context.js';
import type { ClientSession, SessionOptions } from './session.js';
import { openGateway } from './open-gateway.js';

/** Never resolved over a network: requests go straight to the in-process app. */
export const embeddedBaseURL = 'http://embedded.vgw/v1';
const embeddedPollIntervalMs = 250;
/** The embedded gateway serves one project; its API key is never checked. */
const localProject = { id: 'proj_local', name: 'local' };

function embeddedFetch(gateway: Gateway): FetchFunction {
  return async (url, init) => gateway.app.fetch(new Request(url, init));
}

interface EmbeddedWorkers {
  videos: Worker | null;
  scores: Worker | null;
}

function closer(
  gateway: Gateway,
  workers: EmbeddedWorkers,
  signal: AbortSignal,
): () => Promise<void> {
  let closing: Promise<void> | null = null;
  const shutdown = async () => {
    try {
      // On Ctrl-C an unfinished render is abandoned at once; the next worker resumes it.
      const graceMs = signal.aborted ? 0 : gateway.config.workers.shutdownGraceMs;
      // A score is never waited for: the command is done once its video is, and the score job,
      // handed back, is finished by the next worker (`vgw serve`, `vgw worker`, the next run).
      await Promise.all([workers.videos?.stop({ graceMs }), workers.scores?.stop({ graceMs: 0 })]);
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
  const workers: EmbeddedWorkers = { videos: null, scores: null };
  const close = closer(gateway, workers, context.signal);
  try {
    projectId = (await ensureProject(gateway.database, localProject)).id;
    if (options.worker) {
      workers.videos = gateway.newWorker({ scoring: false, datasets: false });
      workers.scores = gateway.newScoreWorker();
      await Promise.all([workers.videos.start(), workers.scores?.start()]);
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
