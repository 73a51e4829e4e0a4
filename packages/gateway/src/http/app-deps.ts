import type { Database } from '../db/queryable.js';
import type { CreateVideoDeps } from '../generation/create-video.js';
import type { PolicyGate } from '../generation/policy-gate.js';
import type { ModelRegistry } from '../providers/model-registry.js';
import type { ContentStore } from '../storage/content-store.js';
import type { Authenticator } from './middleware/authenticate.js';
import type { CreateRateLimits } from './middleware/rate-limit.js';
import type { AppVariables } from './middleware/request-context.js';

export interface AppLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface AppDeps {
  database: Database;
  registry: ModelRegistry;
  store: ContentStore;
  authenticator: Authenticator;
  newVideoId: CreateVideoDeps['newVideoId'];
  deadlineSeconds: number;
  cost: CreateVideoDeps['cost'];
  /** Route names clients may send as `model`. */
  routes: CreateVideoDeps['routes'];
  /** Creates per minute per key; absent: unlimited. */
  createLimits?: CreateRateLimits;
  logger: AppLogger;
  maxBodyBytes: number;
  /** Suggested poll interval sent as `openai-poll-after-ms` on unfinished videos. */
  pollAfterMs: number;
  /** How often webhooks may bring one render's status check forward (default 2 s). */
  webhookWakeIntervalSeconds?: number;
  /** Screens prompts and images at create, remix and estimate; absent: policy is off. */
  policy?: PolicyGate;
  /** Whether completed videos get scored; `/scores` says "disabled" for unscored ones if not. */
  scoringEnabled?: boolean;
  /** Reads stored videos' frames and rates for sequences (probed once per blob); bundled if absent. */
  ffprobePath?: string;
  /** Sequence ids; `seq_` and 32 hex characters unless a test injects its own. */
  newSequenceId?: () => string;
}

export type AppEnv = { Variables: AppVariables };
