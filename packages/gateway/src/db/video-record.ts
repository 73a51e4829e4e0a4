import type { JSONObject, JSONValue, VideoFailure, VideoWarning } from '@vgw/spec';

export type VideoStatus = 'queued' | 'in_progress' | 'completed' | 'failed';

/** A stored input image: content-addressed in storage, referenced by hash. */
export interface StoredImage {
  sha256: string;
  mediaType: string;
  bytes: number;
}

/** Where a cost figure came from: the model's list price, or the operator's configured price. */
export type CostBasis = 'list_price' | 'configured' | 'provider_reported';

/**
 * A route's target as planned at create: its model, the operator's options for it, the
 * parameters its capabilities allow for this request, and what it would cost.
 */
export interface PlannedTarget {
  model: string;
  provider: string;
  providerOptions: JSONObject;
  seconds: number;
  size: string;
  fps: number;
  seed: number | null;
  warnings: VideoWarning[];
  estimateMicroUsd: number;
  costBasis: CostBasis;
}

/** What the worker may still do for a routed video: the targets left, and when to move on. */
export interface StoredRoutePlan {
  /** Failure codes that move to the next target; null: the default set (see routing/). */
  fallbackOn: string[] | null;
  remaining: PlannedTarget[];
  qualityGate: { minStabilityIndex: number; maxRerolls: number } | null;
}

export interface VideoRecord {
  id: string;
  projectId: string;
  /** The key that created it; null for videos from before keys were recorded. */
  apiKeyId: string | null;
  /** The model the current attempt renders on (what workers resolve and claim by). */
  model: string;
  provider: string;
  /** The route the client named as its `model`; null when it named a model. */
  route: string | null;
  /** The current attempt's number, from 1. */
  attempt: number;
  routePlan: StoredRoutePlan | null;
  /** The operator's options for the current target (a route's `providerOptions`). */
  targetOptions: JSONObject;
  /** Rendered, and held until its score is in for the route's quality gate. */
  awaitingGate: boolean;
  status: VideoStatus;
  progress: number;
  prompt: string;
  seconds: number;
  size: string;
  fps: number;
  seed: number | null;
  inputReference: StoredImage | null;
  providerOptions: JSONObject;
  remixedFromVideoId: string | null;
  operation: JSONValue | null;
  startKey: string;
  startAttempts: number;
  statusChecks: number;
  consecutiveCheckFailures: number;
  warnings: VideoWarning[];
  error: VideoFailure | null;
  cancelRequested: boolean;
  lockedBy: string | null;
  leaseExpiresAt: Date | null;
  nextCheckAt: Date | null;
  deadlineAt: Date;
  idempotencyKey: string | null;
  requestHash: string | null;
  createdAt: Date;
  startedAt: Date | null;
  completedAt: Date | null;
  expiresAt: Date | null;
  /** Whether the deadline had passed by the database clock when a claim read it; null if unknown. */
  pastDeadline: boolean | null;
  /** Integer micro-USD reserved at create; null for videos from before costs were kept. */
  estimateMicroUsd: number | null;
  /** Integer micro-USD settled; null until then, and while billing is unknown (at risk). */
  actualMicroUsd: number | null;
  costBasis: CostBasis | null;
  /** How the output is labelled as AI-generated; null until it is finished. */
  provenance: OutputProvenance | null;
}

/** A C2PA manifest inside the MP4, beside it (the `c2pa` file), or none. */
export type OutputProvenance = 'embedded' | 'sidecar' | 'none';

export interface VideoRow {
  id: string;
  project_id: string;
  api_key_id: string | null;
  model: string;
  provider: string;
  route: string | null;
  attempt: number;
  route_plan: StoredRoutePlan | null;
  target_options: JSONObject;
  awaiting_gate: boolean;
  status: VideoStatus;
  progress: number;
  prompt: string;
  seconds: string | number;
  size: string;
  fps: number;
  seed: string | number | null;
  input_reference: StoredImage | null;
  provider_options: JSONObject;
  remixed_from_video_id: string | null;
  operation: JSONValue | null;
  start_key: string;
  start_attempts: number;
  status_checks: number;
  consecutive_check_failures: number;
  warnings: VideoWarning[];
  error: VideoFailure | null;
  cancel_requested: boolean;
  locked_by: string | null;
  lease_expires_at: Date | null;
  next_check_at: Date | null;
  deadline_at: Date;
  idempotency_key: string | null;
  request_hash: string | null;
  created_at: Date;
  started_at: Date | null;
  completed_at: Date | null;
  expires_at: Date | null;
  past_deadline?: boolean;
  estimate_micro_usd: string | number | null;
  actual_micro_usd: string | number | null;
  cost_basis: CostBasis | null;
  provenance: OutputProvenance | null;
}

export function toVideoRecord(row: VideoRow): VideoRecord {
  return {
    id: row.id,
    projectId: row.project_id,
    apiKeyId: row.api_key_id,
    model: row.model,
    provider: row.provider,
    route: row.route,
    attempt: row.attempt,
    routePlan: row.route_plan,
    targetOptions: row.target_options,
    awaitingGate: row.awaiting_gate,
    status: row.status,
    progress: row.progress,
    prompt: row.prompt,
    seconds: Number(row.seconds),
    size: row.size,
    fps: row.fps,
    seed: row.seed != null ? Number(row.seed) : null,
    inputReference: row.input_reference,
    providerOptions: row.provider_options,
    remixedFromVideoId: row.remixed_from_video_id,
    operation: row.operation,
    startKey: row.start_key,
    startAttempts: row.start_attempts,
    statusChecks: row.status_checks,
    consecutiveCheckFailures: row.consecutive_check_failures,
    warnings: row.warnings,
    error: row.error,
    cancelRequested: row.cancel_requested,
    lockedBy: row.locked_by,
    leaseExpiresAt: row.lease_expires_at,
    nextCheckAt: row.next_check_at,
    deadlineAt: row.deadline_at,
    idempotencyKey: row.idempotency_key,
    requestHash: row.request_hash,
    createdAt: row.created_at,
    startedAt: row.started_at,
    completedAt: row.completed_at,
    expiresAt: row.expires_at,
    pastDeadline: row.past_deadline ?? null,
    estimateMicroUsd: row.estimate_micro_usd != null ? Number(row.estimate_micro_usd) : null,
    actualMicroUsd: row.actual_micro_usd != null ? Number(row.actual_micro_usd) : null,
    costBasis: row.cost_basis,
    provenance: row.provenance ?? null,
  };
}
