import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { VideoModelV1 } from '@vgw/spec';
import { assembleGateway } from '../assembly/assemble-gateway.js';
import { workerFactories, type WorkerParts } from '../assembly/worker-factories.js';
import { createApiKey } from '../auth/api-keys.js';
import { configSchema, type Config, type ConfigInput } from '../config/config-schema.js';
import type { AdvanceVideoDeps } from '../generation/advance-video-deps.js';
import type { OutputLabeller } from '../generation/output-labeller.js';
import type { PolicyGate } from '../generation/policy-gate.js';
import type { Database } from '../db/queryable.js';
import type { createApp } from '../http/app.js';
import type { WorkerTimers } from '../jobs/timers.js';
import type { Worker } from '../jobs/worker.js';
import { bundledBinaryPaths } from '../media/bundled-binaries.js';
import { createModelRegistry, type ModelRegistry } from '../providers/model-registry.js';
import type { ScoreFile } from '../scoring/score-video-job.js';
import { threadedScorer } from '../scoring/threaded-scorer.js';
import { createContentStore, type ContentStore } from '../storage/content-store.js';
import { openTestDatabase, type TestDatabaseKind, type TestDatabase } from './test-databases.js';

export const silentLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  debug: () => undefined,
};

export interface TestGateway {
  test: TestDatabase;
  app: ReturnType<typeof createApp>;
  store: ContentStore;
  storageDir: string;
  registry: ModelRegistry;
  apiKey: string;
  projectId: string;
  advanceDeps: AdvanceVideoDeps;
  newWorker(workerId?: string, concurrency?: number): Worker;
  /** A score worker on the same database; `scoreFile` defaults to the real scoreVideo. */
  newScoreWorker(options?: ScoreWorkerOverrides): Worker;
  /** Runs workers' runOnce until nothing is due now (bounded), returns passes made. */
  drain(worker: Worker, maxPasses?: number): Promise<number>;
  authorized(init?: RequestInit): RequestInit;
  /** `POST /v1/videos` with a JSON body (an object, or text sent as it is) and the test key. */
  postVideo(body: Record<string, unknown> | string): Promise<Response>;
  /** `POST` of a JSON body to any path, with the test key. */
  postJson(path: string, body: Record<string, unknown> | string): Promise<Response>;
  dispose(options?: { keep?: boolean }): Promise<void>;
}

export interface ScoreWorkerOverrides {
  workerId?: string;
  scoreFile?: ScoreFile;
  maxAttempts?: number;
  timeoutSeconds?: number;
  leaseSeconds?: number;
  timers?: WorkerTimers;
}

/** The real scorer on the bundled ffmpeg, in its own thread as the composed gateway runs it. */
export function realScoreFile(timeoutSeconds = 120): ScoreFile {
  return threadedScorer({
    ...bundledBinaryPaths(),
    timeoutMs: timeoutSeconds * 1000,
    threads: 1,
  });
}

export interface TestGatewayOptions {
  maxBodyBytes?: number;
  webhookWakeIntervalSeconds?: number;
  deadlineSeconds?: number;
  defaultModel?: string;
  /** Completions queue score jobs, and `/scores` reports "pending" rather than "disabled". */
  scoring?: boolean;
  /**
   * For models pointed at a local emulator, whose outputs are served on 127.0.0.1: downloads
   * may reach loopback. Every other private address stays refused, as in production.
   */
  allowLoopbackDownloads?: boolean;
  /** Config `prices`, by model name, as an operator would write them (USD per second). */
  prices?: ConfigInput['prices'];
  /** Config `limits` (creates per minute per key). */
  limits?: ConfigInput['limits'];
  /** Config `routes`, as an operator would write them. */
  routes?: ConfigInput['routes'];
  /** Config `breakers`. */
  breakers?: ConfigInput['breakers'];
  /** Builds the screening gate over the test's database (its audit writes there). */
  policy?: (pieces: { database: Database; dataDir: string }) => Promise<PolicyGate> | PolicyGate;
  /** Labels outputs (C2PA); absent: outputs stay unlabelled, as with provenance off. */
  labeller?: OutputLabeller;
}

/** Production's config, from its own schema, with only what a test gateway sets differently. */
function testGatewayConfig(
  dataDir: string,
  defaultModel: string,
  options: TestGatewayOptions,
): Config {
  return configSchema.parse({
    dataDir,
    defaultModel,
    logLevel: 'silent',
    // A key revoked mid-test is refused on the next request, not a cache lifetime later.
    server: { maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024, authCacheMs: 0 },
    videos: { deadlineSeconds: options.deadlineSeconds ?? 3600 },
    scoring: { enabled: options.scoring === true, timeoutSeconds: 120 },
    ...(options.prices != null ? { prices: options.prices } : {}),
    ...(options.limits != null ? { limits: options.limits } : {}),
    ...(options.routes != null ? { routes: options.routes } : {}),
    ...(options.breakers != null ? { breakers: options.breakers } : {}),
  });
}

/**
 * A score worker from the composition root's own factories, always (a test may score with
 * scoring off), with the test's overrides laid over the config.
 */
function scoreWorkerFrom(
  config: Config,
  parts: WorkerParts,
  overrides: ScoreWorkerOverrides,
): Worker {
  const scoring = {
    ...config.scoring,
    enabled: true,
    maxAttempts: overrides.maxAttempts ?? config.scoring.maxAttempts,
    timeoutSeconds: overrides.timeoutSeconds ?? config.scoring.timeoutSeconds,
  };
  const workers = {
    ...config.workers,
    leaseSeconds: overrides.leaseSeconds ?? config.workers.leaseSeconds,
  };
  const worker = workerFactories(
    { ...config, scoring, workers },
    {
      ...parts,
      ...(overrides.timers != null ? { timers: overrides.timers } : {}),
      ...(overrides.scoreFile != null ? { scoreFile: overrides.scoreFile } : {}),
    },
  ).newScoreWorker({ workerId: overrides.workerId ?? `scorer_${randomBytes(4).toString('hex')}` });
  if (worker == null) throw new Error('scoring is enabled for this worker: it must exist');
  return worker;
}

/**
 * A gateway wired by the composition root's `assembleGateway`, as `createGateway` wires one, so
 * tests exercise production's app, key auth, download checks and workers. Only the pieces are
 * the test's: its database, a scratch storage dir, the given models and a silent logger.
 */
export async function createTestGateway(
  kind: TestDatabaseKind,
  models: VideoModelV1[],
  options: TestGatewayOptions = {},
): Promise<TestGateway> {
  const test = await openTestDatabase(kind);
  const storageDir = await mkdtemp(join(tmpdir(), 'vgw-test-'));
  const store = createContentStore(storageDir);
  const defaultModel = options.defaultModel ?? models[0]?.modelId ?? 'none';
  const registry = createModelRegistry(models, defaultModel);
  const { key, projectId } = await createApiKey(test.database, 'test-project');
  const config = testGatewayConfig(storageDir, defaultModel, options);
  const logger = pino({ level: 'silent' });
  const policy =
    options.policy != null
      ? await options.policy({ database: test.database, dataDir: storageDir })
      : null;
  const {
    app,
    advanceDeps,
    newWorker: composedWorker,
  } = assembleGateway(config, {
    database: test.database,
    store,
    registry,
    logger,
    // Below the configurable floor: tests' clients poll as fast as their drains allow.
    pollAfterMs: 10,
    ...(options.allowLoopbackDownloads != null
      ? { allowLoopbackDownloads: options.allowLoopbackDownloads }
      : {}),
    ...(options.webhookWakeIntervalSeconds != null
      ? { webhookWakeIntervalSeconds: options.webhookWakeIntervalSeconds }
      : {}),
    ...(policy != null ? { policy } : {}),
    ...(options.labeller != null ? { labeller: options.labeller } : {}),
  });
  // Video workers alone: a test runs its score workers itself, with its own overrides.
  const newWorker = (workerId = `worker_${randomBytes(4).toString('hex')}`, concurrency = 4) =>
    composedWorker({ workerId, concurrency, scoring: false });
  const newScoreWorker = (overrides: ScoreWorkerOverrides = {}) =>
    scoreWorkerFrom(config, { database: test.database, store, logger, advanceDeps }, overrides);
  const authorized = (init: RequestInit = {}): RequestInit => ({
    ...init,
    headers: { authorization: `Bearer ${key}`, ...(init.headers as Record<string, string>) },
  });
  const postJson = async (path: string, body: Record<string, unknown> | string) =>
    app.request(
      path,
      authorized({
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );
  return {
    test,
    app,
    store,
    storageDir,
    registry,
    apiKey: key,
    projectId,
    advanceDeps,
    newWorker,
    newScoreWorker,
    async drain(worker, maxPasses = 50) {
      let passes = 0;
      while (passes < maxPasses) {
        // Due "now" includes short backoffs: pull next checks forward instead of sleeping.
        await test.database.query(
          `update videos set next_check_at = now() where status in ('queued', 'in_progress')`,
        );
        if ((await worker.runOnce()) === 0) break;
        passes += 1;
      }
      return passes;
    },
    authorized,
    postVideo: async (body) => postJson('/v1/videos', body),
    postJson,
    async dispose(disposeOptions) {
      await test.dispose(disposeOptions);
      await rm(storageDir, { recursive: true, force: true });
    },
  };
}
