import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import { verifyApiKey } from '../auth/api-keys.js';
import type { Config } from '../config/config-schema.js';
import { openDatabase } from '../db/open-database.js';
import type { Database } from '../db/queryable.js';
import type { AdvanceVideoDeps } from '../generation/advance-video.js';
import { createApp } from '../http/app.js';
import type { Authenticator } from '../http/middleware/authenticate.js';
import { cachedAuthenticator } from '../http/middleware/cached-authenticator.js';
import { createValidatedFetch } from '../net/validated-fetch.js';
import { createModelRegistry, type ModelRegistry } from '../providers/model-registry.js';
import { createContentStore, type ContentStore } from '../storage/content-store.js';
import { lockDataDir } from './data-dir-lock.js';
import { buildVideoModels } from './build-video-models.js';
import { workerFactories, type WorkerFactories } from './worker-factories.js';

export interface Gateway extends WorkerFactories {
  config: Config;
  database: Database;
  store: ContentStore;
  registry: ModelRegistry;
  logger: Logger;
  app: ReturnType<typeof createApp>;
  close(): Promise<void>;
}

export interface GatewayOptions {
  /** Replaces API-key auth: the CLI's in-process gateway serves one local project. */
  authenticator?: Authenticator;
  logger?: Logger;
  fetch?: typeof fetch;
  /** Local emulators serve outputs on 127.0.0.1; never set for real providers. */
  allowLoopbackDownloads?: boolean;
  /** The poll hint sent on unfinished videos; the in-process CLI polls faster than remote clients. */
  pollAfterMs?: number;
}

function keyAuthenticator(database: Database, cacheMs: number): Authenticator {
  return cachedAuthenticator(
    async (token) => {
      const key = await verifyApiKey(database, token);
      return key != null ? { projectId: key.projectId } : null;
    },
    { ttlMs: cacheMs },
  );
}

/** The embedded database is locked to this process first; a failed open releases the lock. */
async function openConfiguredDatabase(
  config: Config,
): Promise<{ database: Database; unlock: () => Promise<void> }> {
  const unlock =
    config.databaseUrl == null ? await lockDataDir(config.dataDir) : async () => undefined;
  try {
    const database = await openDatabase(
      config.databaseUrl != null
        ? { kind: 'postgres', connectionString: config.databaseUrl }
        : { kind: 'pglite', dataDir: join(config.dataDir, 'db') },
    );
    return { database, unlock };
  } catch (error) {
    await unlock();
    throw error;
  }
}

/** The composition root: turns a validated Config into a running gateway's parts. */
export async function createGateway(
  config: Config,
  options: GatewayOptions = {},
): Promise<Gateway> {
  const logger = options.logger ?? pino({ level: config.logLevel, base: { service: 'vgw' } });
  const { database, unlock } = await openConfiguredDatabase(config);
  const store = createContentStore(join(config.dataDir, 'storage'));
  const { models, unconfigured } = buildVideoModels(config, logger);
  const registry = createModelRegistry(models, config.defaultModel, unconfigured);
  const app = createApp({
    database,
    registry,
    store,
    authenticator: options.authenticator ?? keyAuthenticator(database, config.server.authCacheMs),
    newVideoId: () => `video_${randomBytes(16).toString('hex')}`,
    deadlineSeconds: config.videos.deadlineSeconds,
    logger,
    maxBodyBytes: config.server.maxBodyBytes,
    pollAfterMs: options.pollAfterMs ?? config.server.pollAfterMs,
    scoringEnabled: config.scoring.enabled,
  });
  const downloadChecks = {
    fetch: options.fetch ?? fetch,
    allowLoopback: options.allowLoopbackDownloads ?? config.allowLoopbackDownloads,
  };
  const advanceDeps: AdvanceVideoDeps = {
    database,
    registry,
    store,
    // Output URLs come from providers' responses: only public targets, redirects re-checked.
    fetch: createValidatedFetch(downloadChecks),
    fetchTrusting: (origin: string) =>
      createValidatedFetch({ ...downloadChecks, trustedOrigins: [origin] }),
    newStartKey: () => randomUUID(),
    maxStartAttempts: config.videos.maxStartAttempts,
    logger,
    scoreOnCompletion: config.scoring.enabled,
  };
  return {
    config,
    database,
    store,
    registry,
    logger,
    app,
    ...workerFactories(config, { database, store, logger, advanceDeps }),
    async close() {
      await database.close();
      await unlock();
    },
  };
}
