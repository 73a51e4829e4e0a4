import { createHash } from 'node:crypto';
import { checkBudgets } from '../cost/check-budgets.js';
import type { StoredShot, StoryboardRecord, StoryboardSpec } from '../db/storyboard-record.js';
import { findStoryboard, insertStoryboard } from '../db/storyboards-repository.js';
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

/** A content digest of the spec, so two storyboards can be told apart in logs without the text. */
export function specDigest(spec: StoryboardSpec): string {
  return createHash('sha256').update(JSON.stringify(spec)).digest('hex').slice(0, 16);
}

/**
 * Plans, screens and prices every shot, then in one transaction checks the whole estimate against
 * the budgets that apply and queues the storyboard. Nothing renders and nothing is written when a
 * shot or the budget refuses; the shots reserve their own estimates as their videos are created.
 */
export async function createStoryboard(
  deps: CreateStoryboardDeps,
  request: CreateStoryboardRequest,
): Promise<StoryboardRecord> {
  const { input, projectId, apiKeyId } = request;
  const id = deps.newStoryboardId();
  const plan = await planStoryboard(deps, { projectId, apiKeyId }, input, id);
  const shots: StoredShot[] = [];
  for (const shot of plan.shots) shots.push(await storedShot(deps, input, shot));
  const spec: StoryboardSpec = { fps: input.fps, size: input.size, model: input.model, shots };
  await deps.database.transaction(async (client) => {
    await checkBudgets(client, { projectId, apiKeyId }, plan.estimateMicroUsd, 'this storyboard');
    await insertStoryboard(client, {
      id,
      projectId,
      apiKeyId,
      name: input.name,
      spec,
      estimateMicroUsd: plan.estimateMicroUsd,
    });
  });
  const created = await findStoryboard(deps.database, projectId, id);
  if (created == null) throw new Error(`storyboard ${id} vanished after insert`);
  return created;
}
