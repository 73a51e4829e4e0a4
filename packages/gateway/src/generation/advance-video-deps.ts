import type { CostPolicy } from '../cost/cost-policy.js';
import type { BreakerSettings } from '../db/engine-breakers-repository.js';
import type { Database } from '../db/queryable.js';
import type { ModelRegistry } from '../providers/model-registry.js';
import type { ContentStore } from '../storage/content-store.js';
import type { OutputLabeller } from './output-labeller.js';
import type { PolicyGate } from './policy-gate.js';

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

/**
 * What one step of a video's life needs, in its own file because advance-video and the steps it
 * delegates to (start-video, save-outputs) all take it: each imports this, none the others' types.
 */
export interface AdvanceVideoDeps {
  database: Database;
  registry: ModelRegistry;
  store: ContentStore;
  fetch: FetchLike;
  /** The same checks, but trusting one operator-configured origin (see VideoFile). */
  fetchTrusting: (origin: string) => FetchLike;
  newStartKey: () => string;
  maxStartAttempts: number;
  /** Prices and billing rules: a finished video's reservation is settled by them. */
  cost: CostPolicy;
  /** When a model's failures open its circuit breaker, and for how long. */
  breakers: BreakerSettings;
  /** A new attempt's deadline (a route's fallback), as `videos.deadlineSeconds`; 3600 if absent. */
  deadlineSeconds?: number;
  logger: { warn(object: object, message: string): void };
  /** Screens finished outputs before they are served; absent: policy is off. */
  policy?: PolicyGate;
  /** Labels finished outputs as AI-generated (C2PA); absent: outputs stay unlabelled. */
  labeller?: OutputLabeller;
  /** Queue a score job with every completion (scoring.enabled), in the completion's statement. */
  scoreOnCompletion?: boolean;
}

/** The lease a step runs under: fenced writes name the worker, and a stop aborts the step. */
export interface AdvanceContext {
  workerId: string;
  signal: AbortSignal;
}
