import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import { verifyApiKey } from '../auth/api-keys.js';
import type { Config } from '../config/config-schema.js';
import { openDatabase } from '../db/open-database.js';
import type { Database } from '../db/queryable.js';
import { advanceVideo } from '../generation/advance-video.js';
import { createApp } from '../http/app.js';
import type { Authenticator } from '../http/middleware/authenticate.js';
import { createWorker, type Worker } from '../jobs/worker.js';
import { createProviderRegistry, type ProviderRegistry } from '../providers/registry.js';
import { createContentStore, type ContentStore } from '../storage/content-store.js';
import { lockDataDir } from './data-dir-lock.js';
import { buildVideoModels } from './build-video-models.js';

export interface Gateway {
  config: Config;
  database: Database;
  store: ContentStore;
  registry: ProviderRegistry;
  logger: Logger;
  app: ReturnType<typeof createApp>;
  newWorker(overrides?: { workerId?: string; concurrency?: number }): Worker;
  close(): Promise<void>;
}

export interface GatewayOptions {
  /** Replaces API-key auth: the CLI's in-process gateway serves one local project. */
  authenticator?: Authenticator;
  logger?: Logger;
  fetch?: typeof fetch;
}

/** The composition root: turns a validated Config into a running gateway's parts. */
export async function createGateway(config: Config, options: GatewayOptions = {}): Promise<Gateway> {
  const logger = options.logger ?? pino({ level: config.logLevel, base: { service: 'vgw' } });
  const unlock =
    config.databaseUrl == null ? await lockDataDir(config.dataDir) : async () => undefined;
  let database: Database;
  try {
    database = await openDatabase(
      config.databaseUrl != null
        ? { kind: 'postgres', connectionString: config.databaseUrl }
        : { kind: 'pglite', dataDir: join(config.dataDir, 'db') },
    );
  } catch (error) {
    await unlock();
    throw error;
  }
  const store = createContentStore(join(config.dataDir, 'storage'));
  const registry = createProviderRegistry(await buildVideoModels(config, logger), config.defaultModel);
  const authenticator: Authenticator =
    options.authenticator ??
    (async (token) => {
      const key = await verifyApiKey(database, token);
      return key != null ? { projectId: key.projectId } : null;
    });
  const app = createApp({
    database,
    registry,
    store,
    authenticator,
    newVideoId: () => `video_${randomBytes(16).toString('hex')}`,
    deadlineSeconds: config.videos.deadlineSeconds,
    logger,
    maxBodyBytes: config.server.maxBodyBytes,
    pollAfterMs: 1000,
  });
  const advanceDeps = {
    database,
    registry,
    store,
    fetch: options.fetch ?? fetch,
    newStartKey: () => randomUUID(),
    maxStartAttempts: config.videos.maxStartAttempts,
    logger,
  };
  return {
    config,
    database,
    store,
    registry,
    logger,
    app,
    newWorker: (overrides = {}) =>
      createWorker({
        database,
        workerId: overrides.workerId ?? `worker_${randomBytes(6).toString('hex')}`,
        handle: (video, context) => advanceVideo(advanceDeps, video, context),
        logger,
        leaseSeconds: config.workers.leaseSeconds,
        concurrency: overrides.concurrency ?? config.workers.concurrency,
        pollIntervalMs: config.workers.pollIntervalMs,
      }),
    async close() {
      await database.close();
      await unlock();
    },
  };
}
