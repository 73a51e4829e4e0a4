import { createHash } from 'node:crypto';
import { IdempotencyConflictError } from '@vgw/spec';
import { checkBudgets } from '../cost/check-budgets.js';
import type { StoredShot, StoryboardRecord, StoryboardSpec } from '../db/storyboard-record.js';
import {
  findStoryboard,
  findStoryboardByIdempotencyKey,
  insertStoryboard,
} from '../db/storyboards-repository.js';
import type { StoredImage } from '../db/video-record.js';
import type { ContentStore } from '../storage/content-store.js';
import { planStoryboard, type PlanStoryboardDeps, type ShotPlan } from './plan-storyboard.js';
import type { StoryboardInput } from './storyboard-input.js';

export interface CreateStoryboardDeps extends PlanStoryboardDeps {
  store: ContentStore;
  newStoryboardId: () => string;
}

export interface CreateStoryboardRequest {
  projectId: string;
  apiKeyId: string | null;
  /** The create's Idempotency-Key header; null when none was sent. */
  idempotencyKey: string | null;
  input: StoryboardInput;
}

async function storeImage(
  store: ContentStore,
  image: ShotPlan['image'],
): Promise<StoredImage | null> {
  if (image == null) return null;
  const { sha256, bytes } = await store.putBytes(image.bytes);
  return { sha256, mediaType: image.mediaType, bytes };
}

async function storedShot(
  deps: CreateStoryboardDeps,
  input: StoryboardInput,
  shot: ShotPlan,
): Promise<StoredShot> {
  const requested = input.shots[shot.index];
  return {
    prompt: shot.input.prompt,
    seconds: shot.input.seconds,
    model: requested?.model ?? null,
    seed: shot.input.seed,
    continues: shot.continues,
    image: await storeImage(deps.store, shot.image),
    plannedModel: shot.plan.entry.id,
    estimateMicroUsd: shot.plan.estimate.microUsd,
  };
}

/** A digest of the request as sent (images by their bytes' hash), for Idempotency-Key replays. */
function requestHash(input: StoryboardInput): string {
  const shots = input.shots.map((shot) => ({
    ...shot,
    image: shot.image != null ? createHash('sha256').update(shot.image).digest('hex') : null,
  }));
  return createHash('sha256')
    .update(JSON.stringify({ ...input, shots }))
    .digest('hex');
}

async function replay(
  deps: CreateStoryboardDeps,
  request: CreateStoryboardRequest,
  hash: string,
): Promise<StoryboardRecord | null> {
  if (request.idempotencyKey == null) return null;
  const found = await findStoryboardByIdempotencyKey(
    deps.database,
    request.projectId,
    request.idempotencyKey,
  );
  if (found == null) return null;
  if (found.requestHash !== hash) {
    throw new IdempotencyConflictError(
      'this Idempotency-Key was already used with a different storyboard',
    );
  }
  return found.storyboard;
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}

/**
 * Plans, screens and prices every shot, then in one transaction checks the whole estimate against
 * the budgets that apply and queues the storyboard. Nothing renders and nothing is written when a
 * shot or the budget refuses; the shots reserve their own estimates as their videos are created.
 * The same Idempotency-Key with the same body answers the first storyboard instead of a second.
 */
export async function createStoryboard(
  deps: CreateStoryboardDeps,
  request: CreateStoryboardRequest,
): Promise<StoryboardRecord> {
  const { input, projectId, apiKeyId, idempotencyKey } = request;
  const hash = requestHash(input);
  const earlier = await replay(deps, request, hash);
  if (earlier != null) return earlier;
  const id = deps.newStoryboardId();
  const plan = await planStoryboard(deps, { projectId, apiKeyId }, input, id);
  const shots: StoredShot[] = [];
  for (const shot of plan.shots) shots.push(await storedShot(deps, input, shot));
  const spec: StoryboardSpec = { fps: input.fps, size: input.size, model: input.model, shots };
  const { estimateMicroUsd } = plan;
  try {
    await deps.database.transaction(async (client) => {
      await checkBudgets(client, { projectId, apiKeyId }, estimateMicroUsd, 'this storyboard');
      const row = { id, projectId, apiKeyId, name: input.name, spec, estimateMicroUsd };
      await insertStoryboard(client, { ...row, idempotencyKey, requestHash: hash });
    });
  } catch (error) {
    const winner = isUniqueViolation(error) ? await replay(deps, request, hash) : null;
    if (winner != null) return winner;
    throw error;
  }
  const created = await findStoryboard(deps.database, projectId, id);
  if (created == null) throw new Error(`storyboard ${id} vanished after insert`);
  return created;
}
