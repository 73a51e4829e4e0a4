import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VideoModelV1 } from '@vgw/spec';
import { createApiKey } from '../auth/api-keys.js';
import { verifyApiKey } from '../auth/api-keys.js';
import { advanceVideo, type AdvanceVideoDeps } from '../generation/advance-video.js';
import { createApp } from '../http/app.js';
import type { WorkerTimers } from '../jobs/timers.js';
import { createWorker, type Worker } from '../jobs/worker.js';
import { bundledBinaryPaths } from '../media/bundled-binaries.js';
import { createModelRegistry, type ModelRegistry } from '../providers/model-registry.js';
import type { ScoreFile } from '../scoring/score-video-job.js';
import { createScoreWorker } from '../scoring/score-worker.js';
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

export async function createTestGateway(
  kind: TestDatabaseKind,
  models: VideoModelV1[],
  options: {
    maxBodyBytes?: number;
    webhookWakeIntervalSeconds?: number;
    deadlineSeconds?: number;
    defaultModel?: string;
    /** Completions queue score jobs, and `/scores` reports "pending" rather than "disabled". */
    scoring?: boolean;
  } = {},
): Promise<TestGateway> {
  const test = await openTestDatabase(kind);
  const storageDir = await mkdtemp(join(tmpdir(), 'vgw-test-'));
  const store = createContentStore(storageDir);
  const registry = createModelRegistry(
    models,
    options.defaultModel ?? models[0]?.modelId ?? 'none',
  );
  const { key, projectId } = await createApiKey(test.database, 'test-project');
  const app = createApp({
    database: test.database,
    registry,
    store,
    authenticator: async (token) => {
      const found = await verifyApiKey(test.database, token);
      return found != null ? { projectId: found.projectId } : null;
    },
    newVideoId: () => `video_${randomBytes(16).toString('hex')}`,
    deadlineSeconds: options.deadlineSeconds ?? 3600,
    logger: silentLogger,
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    pollAfterMs: 10,
    ...(options.webhookWakeIntervalSeconds != null
      ? { webhookWakeIntervalSeconds: options.webhookWakeIntervalSeconds }
      : {}),
    scoringEnabled: options.scoring === true,
  });
  const advanceDeps: AdvanceVideoDeps = {
    database: test.database,
    registry,
    store,
    fetch,
    fetchTrusting: () => fetch,
    newStartKey: () => randomUUID(),
    maxStartAttempts: 3,
    logger: silentLogger,
    scoreOnCompletion: options.scoring === true,
  };
  const newWorker = (workerId = `worker_${randomBytes(4).toString('hex')}`, concurrency = 4) =>
    createWorker({
      database: test.database,
      workerId,
      handle: (video, context) => advanceVideo(advanceDeps, video, context),
      logger: silentLogger,
      concurrency,
    });
  const newScoreWorker = (overrides: ScoreWorkerOverrides = {}) =>
    createScoreWorker({
      database: test.database,
      workerId: overrides.workerId ?? `scorer_${randomBytes(4).toString('hex')}`,
      logger: silentLogger,
      store,
      scoreFile: overrides.scoreFile ?? realScoreFile(),
      timeoutSeconds: overrides.timeoutSeconds ?? 120,
      maxAttempts: overrides.maxAttempts ?? 3,
      leaseSeconds: overrides.leaseSeconds ?? 30,
      ...(overrides.timers != null ? { timers: overrides.timers } : {}),
    });
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
    authorized: (init = {}) => ({
      ...init,
      headers: { authorization: `Bearer ${key}`, ...(init.headers as Record<string, string>) },
    }),
    async dispose(disposeOptions) {
      await test.dispose(disposeOptions);
      await rm(storageDir, { recursive: true, force: true });
    },
  };
}
