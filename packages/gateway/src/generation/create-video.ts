import { createHash, randomUUID } from 'node:crypto';
import { IdempotencyConflictError } from '@vgw/spec';
import type { Database } from '../db/queryable.js';
import type { StoredImage, VideoRecord } from '../db/video-record.js';
import {
  findVideoByIdempotencyKey,
  insertVideo,
  isBlobReferenced,
  videosDueChannel,
  type NewVideo,
} from '../db/videos-repository.js';
import { checkBudgets } from '../cost/check-budgets.js';
import type { ContentStore } from '../storage/content-store.js';
import type { CreateVideoInput } from './create-video-input.js';
import { inspectImage, type ImageLimits } from './inspect-image.js';
import { admitPlan, planVideoNow } from './admit-plan.js';
import type { PolicyGate } from './policy-gate.js';
import { screenInputs } from './screen-inputs.js';
import { toPlannedTarget, type PlanVideoDeps, type VideoPlan } from './plan-video.js';

export interface CreateVideoDeps extends PlanVideoDeps {
  database: Database;
  store: ContentStore;
  newVideoId: () => string;
  deadlineSeconds: number;
  /** Input image limits; the defaults in inspect-image.ts when absent. */
  imageLimits?: ImageLimits;
  /** Screens prompts and images before anything is reserved; absent: policy is off. */
  policy?: PolicyGate;
}

function hashRequest(input: CreateVideoInput, image: StoredImage | null): string {
  const canonical = JSON.stringify([
    input.prompt,
    input.model,
    input.seconds,
    input.size,
    input.fps,
    input.seed,
    image?.sha256 ?? null,
    input.providerOptions,
    input.remixedFromVideoId,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

async function describeImage(
  bytes: Uint8Array | null,
  limits: ImageLimits | undefined,
): Promise<StoredImage | null> {
  if (bytes == null) return null;
  const { mediaType } = await inspectImage(bytes, limits);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { sha256, mediaType, bytes: bytes.byteLength };
}

export function imageToScreen(bytes: Uint8Array | null, image: StoredImage | null) {
  return bytes != null && image != null ? { bytes, mediaType: image.mediaType } : null;
}

/** A failed insert must not leave the uploaded image behind, unless another video uses it. */
async function discardImage(deps: CreateVideoDeps, image: StoredImage | null): Promise<void> {
  if (image == null) return;
  if (!(await isBlobReferenced(deps.database, image.sha256))) await deps.store.remove(image.sha256);
}

function replay(existing: VideoRecord & { deleted: boolean }, requestHash: string): VideoRecord {
  if (existing.requestHash !== requestHash) {
    throw new IdempotencyConflictError(
      'this Idempotency-Key was already used with a different request body',
    );
  }
  if (existing.deleted) {
    // Replaying a deleted video would hand back a render GET no longer knows; a fresh create
    // under a spent key could bill twice for what the client thinks is one request.
    throw new IdempotencyConflictError(
      `the video made with this Idempotency-Key (${existing.id}) was deleted; send a new key to create another`,
    );
  }
  return existing;
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}

export interface CreateVideoRequest {
  projectId: string;
  /** The key that sent it, for per-key budgets and usage; null when the caller has none. */
  apiKeyId: string | null;
  idempotencyKey: string | null;
  input: CreateVideoInput;
}

/**
 * Validates a request against the model's capabilities and estimates its cost, then, in one
 * transaction, checks the budgets that apply and records the video as queued with its
 * reservation, and wakes the workers. Nothing is written when validation or a budget refuses
 * it; the same Idempotency-Key with the same body returns the first video instead of a second.
 */
export async function createVideo(
  deps: CreateVideoDeps,
  request: CreateVideoRequest,
): Promise<VideoRecord> {
  const { input, projectId, idempotencyKey } = request;
  const videoId = deps.newVideoId();
  const planned = await planVideoNow(deps, input, videoId);
  const image = await describeImage(input.inputReference, deps.imageLimits);
  const requestHash = hashRequest(input, image);
  if (idempotencyKey != null) {
    const existing = await findVideoByIdempotencyKey(deps.database, projectId, idempotencyKey);
    if (existing != null) return replay(existing, requestHash);
  }
  if (deps.policy != null) {
    await screenInputs(deps.policy, {
      projectId,
      apiKeyId: request.apiKeyId,
      operation: input.remixedFromVideoId != null ? 'remix' : 'create',
      prompt: input.prompt,
      image: imageToScreen(input.inputReference, image),
      videoId,
    });
  }
  const plan = await admitPlan(deps, planned);
  if (input.inputReference != null) await deps.store.putBytes(input.inputReference);
  try {
    return await deps.database.transaction(async (client) => {
      await checkBudgets(client, request, plan.estimate.microUsd);
      return insertVideo(client, newVideo(deps, request, { ...plan, videoId, image, requestHash }));
    });
  } catch (error) {
    await discardImage(deps, image).catch(() => undefined);
    if (idempotencyKey != null && isUniqueViolation(error)) {
      const winner = await findVideoByIdempotencyKey(deps.database, projectId, idempotencyKey);
      if (winner != null) return replay(winner, requestHash);
    }
    throw error;
  }
}

interface Resolved extends VideoPlan {
  videoId: string;
  image: StoredImage | null;
  requestHash: string;
}

function newVideo(
  deps: CreateVideoDeps,
  request: CreateVideoRequest,
  resolved: Resolved,
): NewVideo {
  const { parameters, warnings } = resolved.checked;
  const { input } = request;
  const route = resolved.route;
  return {
    id: resolved.videoId,
    projectId: request.projectId,
    apiKeyId: request.apiKeyId,
    model: resolved.entry.id,
    provider: resolved.entry.provider,
    prompt: parameters.prompt,
    seconds: parameters.seconds,
    size: `${parameters.width}x${parameters.height}`,
    fps: parameters.fps,
    seed: parameters.seed,
    inputReference: resolved.image,
    providerOptions: input.providerOptions,
    remixedFromVideoId: input.remixedFromVideoId,
    startKey: randomUUID(),
    warnings: [...resolved.routeWarnings, ...warnings],
    route: route?.name ?? null,
    routePlan:
      route != null
        ? {
            fallbackOn: route.fallbackOn,
            remaining: resolved.fallbacks.map(toPlannedTarget),
            qualityGate: route.qualityGate,
          }
        : null,
    targetOptions: resolved.targetOptions,
    deadlineSeconds: deps.deadlineSeconds,
    idempotencyKey: request.idempotencyKey,
    requestHash: resolved.requestHash,
    estimateMicroUsd: resolved.estimate.microUsd,
    costBasis: resolved.estimate.basis,
    notifyChannel: videosDueChannel,
  };
}
