import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import type { Config } from '../config/config-schema.js';
import { openDatabase } from '../db/open-database.js';
import type { Database } from '../db/queryable.js';
import type { createApp } from '../http/app.js';
import type { Authenticator } from '../http/middleware/authenticate.js';
import { createModelRegistry, type ModelRegistry } from '../providers/model-registry.js';
import { createContentStore, type ContentStore } from '../storage/content-store.js';
import { assembleGateway } from './assemble-gateway.js';
import { labellerFromConfig } from './labeller-from-config.js';
import { policyFromConfig } from './policy-from-config.js';
import { lockDataDir } from './data-dir-lock.js';
import { buildVideoModels } from './build-video-models.js';
import type { WorkerFactories } from './worker-factories.js';

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
  /**
   * False for commands that only read or administer the database (keys, budgets, audit): no
   * policy gate, classifier, audit key or signing key is loaded or made. Default true.
   */
  screening?: boolean;
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

/** The policy gate and the output labeller: a broken policy file or key stops the start. */
async function screeningFromConfig(config: Config, database: Database, options: GatewayOptions) {
  if (options.screening === false) return { policy: null, labelling: null };
  const policy = await policyFromConfig(config, {
    database,
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
  });
  return { policy, labelling: await labellerFromConfig(config) };
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
  const { policy, labelling } = await screeningFromConfig(config, database, options).catch(
    async (error: unknown) => {
      await database.close();
      await unlock();
      throw error;
    },
  );
  if (labelling?.warning != null) {
    logger.warn({ provenance: config.provenance.mode }, labelling.warning);
  }
  // The classifier's model loads in the background: the first screened image may wait for it.
  void policy
    ?.warmUp()
    .catch((error: unknown) =>
      logger.warn(
        { error: String(error) },
        'the image classifier could not load; image checks will fail as configured',
      ),
    );
  const { app, newWorker, newScoreWorker, newDatasetWorker } = assembleGateway(config, {
    ...(policy != null ? { policy: policy.gate } : {}),
    ...(labelling != null ? { labeller: labelling.labeller } : {}),
    database,
    store,
    registry,
    logger,
    ...(options.authenticator != null ? { authenticator: options.authenticator } : {}),
    ...(options.fetch != null ? { fetch: options.fetch } : {}),
    ...(options.allowLoopbackDownloads != null
      ? { allowLoopbackDownloads: options.allowLoopbackDownloads }
      : {}),
    ...(options.pollAfterMs != null ? { pollAfterMs: options.pollAfterMs } : {}),
  });
  return {
    config,
    database,
    store,
    registry,
    logger,
    app,
    newWorker,
    newScoreWorker,
    newDatasetWorker,
    async close() {
      await database.close();
      await unlock();
    },
  };
}
