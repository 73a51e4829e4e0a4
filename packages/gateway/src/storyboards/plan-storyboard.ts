import type { Database } from '../db/queryable.js';
import { planVideoNow } from '../generation/admit-plan.js';
import type { CreateVideoInput } from '../generation/create-video-input.js';
import { inspectImage, type ImageLimits } from '../generation/inspect-image.js';
import type { PlanVideoDeps, VideoPlan } from '../generation/plan-video.js';
import type { PolicyGate } from '../generation/policy-gate.js';
import { screenInputs } from '../generation/screen-inputs.js';
import { refuseContinue, scopeToShot } from './shot-errors.js';
import type { StoryboardInput, StoryboardShotInput } from './storyboard-input.js';

export interface PlanStoryboardDeps extends PlanVideoDeps {
  database: Database;
  deadlineSeconds: number;
  imageLimits?: ImageLimits;
  policy?: PolicyGate;
}

export interface ShotPlan {
  index: number;
  /** The create a shot's video will get, less a continued shot's frame (known only later). */
  input: CreateVideoInput;
  continues: boolean;
  plan: VideoPlan;
  image: { bytes: Uint8Array; mediaType: string } | null;
}

export interface StoryboardPlan {
  shots: ShotPlan[];
  /** The sum of the shots' estimates, integer micro-USD. */
  estimateMicroUsd: number;
}

// Planning only asks whether an image is given; the frame itself exists once the shot before ends.
const framePlaceholder = new Uint8Array(1);

export function shotInput(storyboard: StoryboardInput, shot: StoryboardShotInput) {
  return {
    prompt: shot.prompt,
    model: shot.model ?? storyboard.model,
    seconds: shot.seconds,
    size: storyboard.size,
    fps: storyboard.fps,
    seed: shot.seed,
    inputReference: shot.image,
    providerOptions: {},
    remixedFromVideoId: null,
  } satisfies CreateVideoInput;
}

/** A continued shot needs a target that takes an image: a model that does, or a route with one. */
function checkContinue(deps: PlanStoryboardDeps, index: number, model: string | null): void {
  const name = model ?? deps.registry.defaultModel;
  const route = deps.routes.find(name);
  if (route != null) {
    const anyImage = route.targets.some((target) => {
      try {
        return deps.registry.resolve(target.model).capabilities.imageInput;
      } catch {
        return false;
      }
    });
    if (!anyImage) refuseContinue(index, `route "${route.name}" has no target that`);
    return;
  }
  const entry = deps.registry.resolve(name);
  if (!entry.capabilities.imageInput) refuseContinue(index, `model ${entry.id}`);
}

interface ScreenScope {
  projectId: string;
  apiKeyId: string | null;
}

async function planShot(
  deps: PlanStoryboardDeps,
  scope: ScreenScope,
  storyboard: StoryboardInput,
  index: number,
  seed: string,
): Promise<ShotPlan> {
  const shot = storyboard.shots[index] as StoryboardShotInput;
  const input = shotInput(storyboard, shot);
  if (shot.continue) checkContinue(deps, index, input.model);
  const planned = {
    ...input,
    inputReference: shot.continue ? framePlaceholder : input.inputReference,
  };
  const plan = await planVideoNow(deps, planned, `${seed}:${index}`);
  const image =
    shot.image != null
      ? {
          bytes: shot.image,
          mediaType: (await inspectImage(shot.image, deps.imageLimits)).mediaType,
        }
      : null;
  if (deps.policy != null) {
    // Screened now so a refusal names its shot before anything renders; each shot's create
    // screens again (with its continued frame) when its video is made.
    await screenInputs(deps.policy, {
      ...scope,
      operation: 'estimate',
      prompt: shot.prompt,
      image,
      videoId: null,
    });
  }
  return { index, input, continues: shot.continue, plan, image };
}

/**
 * Every shot planned, checked and screened as its create would be, and the total estimated:
 * nothing is stored or reserved. A refusal names the shot (`shots[2].prompt`).
 */
export async function planStoryboard(
  deps: PlanStoryboardDeps,
  scope: ScreenScope,
  storyboard: StoryboardInput,
  seed: string,
): Promise<StoryboardPlan> {
  const shots: ShotPlan[] = [];
  for (let index = 0; index < storyboard.shots.length; index += 1) {
    try {
      shots.push(await planShot(deps, scope, storyboard, index, seed));
    } catch (error) {
      throw scopeToShot(error, index, storyboard.shots[index]?.continue === true);
    }
  }
  const estimateMicroUsd = shots.reduce((total, shot) => total + shot.plan.estimate.microUsd, 0);
  return { shots, estimateMicroUsd };
}
