import { createHash, randomUUID } from 'node:crypto';
import { IdempotencyConflictError, type JSONObject } from '@vgw/spec';
import type { Database } from '../db/queryable.js';
import type { StoredImage, VideoRecord } from '../db/video-record.js';
import {
  findVideoByIdempotencyKey,
  insertVideo,
  isBlobReferenced,
  videosDueChannel,
} from '../db/videos-repository.js';
import type { ModelRegistry } from '../providers/model-registry.js';
import type { ContentStore } from '../storage/content-store.js';
import { checkCapabilities } from './check-capabilities.js';
import { inspectImage, type ImageLimits } from './inspect-image.js';

export interface CreateVideoInput {
  prompt: string;
  model: string | null;
  seconds: number | null;
  size: string | null;
  fps: number | null;
  seed: number | null;
  inputReference: Uint8Array | null;
  providerOptions: JSONObject;
  remixedFromVideoId: string | null;
}

export interface CreateVideoDeps {
  database: Database;
  registry: ModelRegistry;
  store: ContentStore;
  newVideoId: () => string;
  deadlineSeconds: number;
  /** Input image limits; the defaults in inspect-image.ts when absent. */
  imageLimits?: ImageLimits;
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

function providerOptionsFor(providerOptions: JSONObject, provider: string): JSONObject {
  const options = Object.hasOwn(providerOptions, provider) ? providerOptions[provider] : null;
  return options != null && typeof options === 'object' && !Array.isArray(options) ? options : {};
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}

/**
 * Validates a request against the model's capabilities, then records the video as queued in one
 * statement and wakes the workers. Nothing is written when validation fails; the same
 * Idempotency-Key with the same body returns the first video instead of making a second.
 */
export async function createVideo(
  deps: CreateVideoDeps,
  request: { projectId: string; idempotencyKey: string | null; input: CreateVideoInput },
): Promise<VideoRecord> {
  const { input, projectId, idempotencyKey } = request;
  const entry = deps.registry.resolve(input.model);
  const checked = checkCapabilities(
    { ...input, hasInputReference: input.inputReference != null },
    entry.capabilities,
  );
  // The same check doStart makes, so a bad option is a 400 now and never a failed render later.
  entry.model.parseOptions?.(providerOptionsFor(input.providerOptions, entry.provider));
  const image = await describeImage(input.inputReference, deps.imageLimits);
  const requestHash = hashRequest(input, image);
  if (idempotencyKey != null) {
    const existing = await findVideoByIdempotencyKey(deps.database, projectId, idempotencyKey);
    if (existing != null) return replay(existing, requestHash);
  }
  const { parameters } = checked;
  if (input.inputReference != null) await deps.store.putBytes(input.inputReference);
  try {
    const video = await insertVideo(deps.database, {
      id: deps.newVideoId(),
      projectId,
      model: entry.id,
      provider: entry.provider,
      prompt: parameters.prompt,
      seconds: parameters.seconds,
      size: `${parameters.width}x${parameters.height}`,
      fps: parameters.fps,
      seed: parameters.seed,
      inputReference: image,
      providerOptions: input.providerOptions,
      remixedFromVideoId: input.remixedFromVideoId,
      startKey: randomUUID(),
      warnings: checked.warnings,
      deadlineSeconds: deps.deadlineSeconds,
      idempotencyKey,
      requestHash,
      notifyChannel: videosDueChannel,
    });
    return video;
  } catch (error) {
    await discardImage(deps, image).catch(() => undefined);
    if (idempotencyKey != null && isUniqueViolation(error)) {
      const winner = await findVideoByIdempotencyKey(deps.database, projectId, idempotencyKey);
      if (winner != null) return replay(winner, requestHash);
    }
    throw error;
  }
}
