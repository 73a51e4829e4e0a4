import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { projectOverrides, type Config } from '../config/config-schema.js';
import type { Database } from '../db/queryable.js';
import { enqueueMissingScores } from '../db/video-scores-repository.js';
import { advanceVideo } from '../generation/advance-video.js';
import { createDatasetWorker } from '../datasets/dataset-worker.js';
import type { AdvanceVideoDeps } from '../generation/advance-video-deps.js';
import type { Worker } from '../jobs/job-worker.js';
import type { WorkerTimers } from '../jobs/timers.js';
import { createWorker } from '../jobs/worker.js';
import { workerGroup } from '../jobs/worker-group.js';
import { withScoreBackfill } from '../scoring/score-backfill.js';
import type { ScoreFile } from '../scoring/score-video-job.js';
import { createScoreWorker } from '../scoring/score-worker.js';
import { threadedScorer } from '../scoring/threaded-scorer.js';
import type { ContentStore } from '../storage/content-store.js';
import { join } from 'node:path';
import type { StoryboardWorkerDeps } from '../storyboards/storyboard-deps.js';
import { createStoryboardWorker } from '../storyboards/storyboard-worker.js';
import { mediaBinaries } from './media-binaries.js';

export interface WorkerFactories {
  /**
   * The video worker, with a score worker beside it when scoring is enabled (`scoring: false`
   * leaves it out). `concurrency` is the video worker's; scoring has its own.
   */
  newWorker(overrides?: {
    workerId?: string;
    concurrency?: number;
    scoring?: boolean;
    /** False leaves out the dataset-export worker (the CLI's in-process renders). */
    datasets?: boolean;
  }): Worker;
  /** A score worker alone; null when scoring is disabled. */
  newScoreWorker(overrides?: { workerId?: string }): Worker | null;
  /** A dataset-export worker alone (`POST /v1/datasets` jobs). */
  newDatasetWorker(overrides?: { workerId?: string }): Worker;
}

/** scoreVideo in its own thread, on the configured ffmpeg (the local engine's) or the bundled one. */
function configuredScorer(config: Config): ScoreFile {
  const { timeoutSeconds, threads } = config.scoring;
  return threadedScorer({ ...mediaBinaries(config), timeoutMs: timeoutSeconds * 1000, threads });
}

const newWorkerId = () => `worker_${randomBytes(6).toString('hex')}`;

export interface WorkerParts {
  database: Database;
  store: ContentStore;
  logger: Logger;
  advanceDeps: AdvanceVideoDeps;
  /** The system's clock unless injected (tests drive heartbeats and timeouts by hand). */
  timers?: WorkerTimers;
  /** The configured scorer unless injected. */
  scoreFile?: ScoreFile;
  /** With these, every video worker has a storyboard worker beside it. */
  storyboardDeps?: StoryboardWorkerDeps;
}

function storyboardWorker(config: Config, parts: WorkerParts, workerId: string): Worker | null {
  if (parts.storyboardDeps == null) return null;
  const { leaseSeconds, pollIntervalMs } = config.workers;
  return createStoryboardWorker({
    deps: parts.storyboardDeps,
    workerId,
    leaseSeconds,
    pollIntervalMs,
    ...(parts.timers != null ? { timers: parts.timers } : {}),
  });
}

/** Dataset exports build under the data dir, on the disk the store is on (renames stay cheap). */
function datasetWorkerFactory(config: Config, parts: WorkerParts) {
  return (overrides: { workerId?: string } = {}): Worker =>
    createDatasetWorker({
      database: parts.database,
      workerId: overrides.workerId ?? newWorkerId(),
      logger: parts.logger,
      store: parts.store,
      ...mediaBinaries(config),
      workDir: join(config.dataDir, 'dataset-exports'),
      maxAttempts: 3,
      leaseSeconds: config.workers.leaseSeconds,
      pollIntervalMs: config.workers.pollIntervalMs,
      ...(parts.timers != null ? { timers: parts.timers } : {}),
    });
}

export function workerFactories(config: Config, parts: WorkerParts): WorkerFactories {
  const { database, store, logger, advanceDeps } = parts;
  const { leaseSeconds, pollIntervalMs } = config.workers;
  const timers = parts.timers != null ? { timers: parts.timers } : {};
  // Only what this process has credentials for: the rest waits for a worker that does.
  const servedModels = advanceDeps.registry
    .list()
    .filter((entry) => entry.configured)
    .map((entry) => entry.id);
  const renderLimits = {
    perProject: config.limits.concurrentRenders,
    projects: projectOverrides(config.limits, 'concurrentRenders'),
  };
  const newScoreWorker = (overrides: { workerId?: string } = {}): Worker | null => {
    if (!config.scoring.enabled) return null;
    const worker = createScoreWorker({
      database,
      workerId: overrides.workerId ?? newWorkerId(),
      logger,
      store,
      scoreFile: parts.scoreFile ?? configuredScorer(config),
      timeoutSeconds: config.scoring.timeoutSeconds,
      maxAttempts: config.scoring.maxAttempts,
      concurrency: config.scoring.concurrency,
      leaseSeconds,
      pollIntervalMs,
      ...timers,
    });
    return withScoreBackfill(worker, () => enqueueMissingScores(database), logger);
  };
  const newDatasetWorker = datasetWorkerFactory(config, parts);
  return {
    newScoreWorker,
    newDatasetWorker,
    newWorker: (overrides = {}) => {
      const workerId = overrides.workerId ?? newWorkerId();
      const videos = createWorker({
        database,
        workerId,
        handle: (video, context) => advanceVideo(advanceDeps, video, context),
        models: servedModels,
        renderLimits,
        logger,
        leaseSeconds,
        concurrency: overrides.concurrency ?? config.workers.concurrency,
        pollIntervalMs,
        ...timers,
      });
      const scores = overrides.scoring !== false ? newScoreWorker({ workerId }) : null;
      const datasets = overrides.datasets !== false ? newDatasetWorker({ workerId }) : null;
      const storyboards = storyboardWorker(config, parts, workerId);
      const others = [scores, datasets, storyboards].filter((worker) => worker != null);
      return others.length > 0 ? workerGroup(videos, others) : videos;
    },
  };
}
