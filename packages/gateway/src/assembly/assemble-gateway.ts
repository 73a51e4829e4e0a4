import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { verifyApiKey } from '../auth/api-keys.js';
import { projectOverrides, type Config } from '../config/config-schema.js';
import type { Database } from '../db/queryable.js';
import type { AdvanceVideoDeps } from '../generation/advance-video-deps.js';
import type { OutputLabeller } from '../generation/output-labeller.js';
import type { PolicyGate } from '../generation/policy-gate.js';
import { createApp } from '../http/app.js';
import type { Authenticator } from '../http/middleware/authenticate.js';
import { cachedAuthenticator } from '../http/middleware/cached-authenticator.js';
import type { WorkerTimers } from '../jobs/timers.js';
import { createValidatedFetch } from '../net/validated-fetch.js';
import type { FetchFunction } from '../provider-http/provider-http.js';
import type { ModelRegistry } from '../providers/model-registry.js';
import type { ScoreFile } from '../scoring/score-video-job.js';
import type { ContentStore } from '../storage/content-store.js';
import type { RouteTable } from '../routing/route.js';
import type { StoryboardWorkerDeps } from '../storyboards/storyboard-deps.js';
import { randomSequenceId } from '../sequences/sequence-deps.js';
import { storyboardSequenceMaker } from '../storyboards/storyboard-sequence.js';
import { costPolicyFromConfig } from './cost-policy-from-config.js';
import { mediaBinaries } from './media-binaries.js';
import { routesFromConfig } from './routes-from-config.js';
import { workerFactories, type WorkerFactories } from './worker-factories.js';

/**
 * What the wiring is handed rather than building itself: `createGateway` opens these from config,
 * `createTestGateway` injects its own, and both get the same app, download checks and workers.
 */
export interface GatewayPieces {
  database: Database;
  store: ContentStore;
  registry: ModelRegistry;
  logger: Logger;
  /** Replaces API-key auth (the CLI's in-process gateway serves one local project). */
  authenticator?: Authenticator;
  /** The network under the download checks; the checks themselves are always applied. */
  fetch?: FetchFunction;
  /** Overrides `config.allowLoopbackDownloads`: loopback addresses only, never other private ones. */
  allowLoopbackDownloads?: boolean;
  /** Overrides `config.server.pollAfterMs`, below its configurable floor if need be. */
  pollAfterMs?: number;
  webhookWakeIntervalSeconds?: number;
  /** The workers' clock (heartbeats, polls, score timeouts); the system's unless injected. */
  timers?: WorkerTimers;
  /** Replaces the configured scorer (tests that stand in a result). */
  scoreFile?: ScoreFile;
  /** Screening and its audit (built from `config.policy`); absent: nothing is screened. */
  policy?: PolicyGate;
  /** C2PA labelling of outputs (built from `config.provenance`); absent: unlabelled. */
  labeller?: OutputLabeller;
}

export interface GatewayParts extends WorkerFactories {
  app: ReturnType<typeof createApp>;
  /** What every video worker advances videos with, download checks included. */
  advanceDeps: AdvanceVideoDeps;
}

function keyAuthenticator(database: Database, cacheMs: number): Authenticator {
  return cachedAuthenticator(
    async (token) => {
      const key = await verifyApiKey(database, token);
      return key != null ? { projectId: key.projectId, apiKeyId: key.id } : null;
    },
    { ttlMs: cacheMs },
  );
}

/** Output URLs come from providers' responses: only public targets, redirects re-checked. */
function downloadFetches(
  config: Config,
  pieces: GatewayPieces,
): Pick<AdvanceVideoDeps, 'fetch' | 'fetchTrusting'> {
  const checks = {
    fetch: pieces.fetch ?? ((input: string, init?: RequestInit) => fetch(input, init)),
    allowLoopback: pieces.allowLoopbackDownloads ?? config.allowLoopbackDownloads,
  };
  return {
    fetch: createValidatedFetch(checks),
    fetchTrusting: (origin: string) =>
      createValidatedFetch({ ...checks, trustedOrigins: [origin] }),
  };
}

/** The storyboard worker's: a create's deps beside the video worker's, ffmpeg and a scratch dir. */
function storyboardDepsFrom(
  config: Config,
  parts: {
    advanceDeps: AdvanceVideoDeps;
    newVideoId: () => string;
    routes: RouteTable;
    logger: Logger;
  },
): StoryboardWorkerDeps {
  return {
    ...parts.advanceDeps,
    newVideoId: parts.newVideoId,
    routes: parts.routes,
    logger: parts.logger,
    deadlineSeconds: config.videos.deadlineSeconds,
    ...mediaBinaries(config),
    scratchDir: join(config.dataDir, 'storyboards'),
    // Waiting storyboards wake when a shot changes; this only bounds a missed change.
    recheckSeconds: 30,
    makeSequence: storyboardSequenceMaker({
      database: parts.advanceDeps.database,
      store: parts.advanceDeps.store,
      ffprobePath: mediaBinaries(config).ffprobePath,
      newSequenceId: randomSequenceId,
    }),
  };
}

/** The wiring every gateway shares: HTTP app, video advancing and workers over given pieces. */
export function assembleGateway(config: Config, pieces: GatewayPieces): GatewayParts {
  const { database, store, registry, logger } = pieces;
  const cost = costPolicyFromConfig(config, registry);
  const routes = routesFromConfig(config, registry);
  const newVideoId = () => `video_${randomBytes(16).toString('hex')}`;
  const app = createApp({
    database,
    registry,
    store,
    authenticator: pieces.authenticator ?? keyAuthenticator(database, config.server.authCacheMs),
    newVideoId,
    deadlineSeconds: config.videos.deadlineSeconds,
    cost,
    routes,
    createLimits: {
      requestsPerMinute: config.limits.requestsPerMinute,
      // A project that overrides only its concurrent renders keeps the default rate.
      projects: projectOverrides(config.limits, 'requestsPerMinute'),
    },
    logger,
    maxBodyBytes: config.server.maxBodyBytes,
    pollAfterMs: pieces.pollAfterMs ?? config.server.pollAfterMs,
    ...(pieces.webhookWakeIntervalSeconds != null
      ? { webhookWakeIntervalSeconds: pieces.webhookWakeIntervalSeconds }
      : {}),
    scoringEnabled: config.scoring.enabled,
    ffprobePath: mediaBinaries(config).ffprobePath,
    ...(pieces.policy != null ? { policy: pieces.policy } : {}),
  });
  const advanceDeps: AdvanceVideoDeps = {
    database,
    registry,
    store,
    ...downloadFetches(config, pieces),
    newStartKey: () => randomUUID(),
    maxStartAttempts: config.videos.maxStartAttempts,
    cost,
    breakers: config.breakers,
    deadlineSeconds: config.videos.deadlineSeconds,
    logger,
    scoreOnCompletion: config.scoring.enabled,
    ...(pieces.policy != null ? { policy: pieces.policy } : {}),
    ...(pieces.labeller != null ? { labeller: pieces.labeller } : {}),
  };
  const storyboardDeps = storyboardDepsFrom(config, { advanceDeps, newVideoId, routes, logger });
  const workers = workerFactories(config, {
    database,
    store,
    logger,
    advanceDeps,
    storyboardDeps,
    ...(pieces.timers != null ? { timers: pieces.timers } : {}),
    ...(pieces.scoreFile != null ? { scoreFile: pieces.scoreFile } : {}),
  });
  return { app, advanceDeps, ...workers };
}
