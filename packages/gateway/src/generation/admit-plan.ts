import type { VideoWarning } from '@vgw/spec';
import { readBreakers, takeProbe } from '../db/engine-breakers-repository.js';
import type { Database } from '../db/queryable.js';
import { RouteUnavailableError } from '../routing/route-unavailable-error.js';
import type { CreateVideoInput } from './create-video-input.js';
import { planVideo, type PlanVideoDeps, type VideoPlan } from './plan-video.js';

type AdmitDeps = PlanVideoDeps & { database: Database; deadlineSeconds: number };

/** Plans against the breakers as they are now; a plain model request reads none. */
export async function planVideoNow(
  deps: AdmitDeps,
  input: CreateVideoInput,
  seed: string,
): Promise<VideoPlan> {
  const routed = deps.routes.find(input.model ?? deps.registry.defaultModel) != null;
  const breakers = routed ? await readBreakers(deps.database) : new Map();
  return planVideo(deps, input, { seed, breakers });
}

/**
 * A half-open target takes one video at a time, the probe: a create that loses the race for it
 * moves on to the route's next target, with a warning. The probe is held for the video's
 * deadline, after which a render that never reported cannot keep the breaker half-open.
 */
export async function admitPlan(deps: AdmitDeps, plan: VideoPlan): Promise<VideoPlan> {
  let current = plan;
  const warnings: VideoWarning[] = [];
  while (current.needsProbe) {
    if (await takeProbe(deps.database, current.entry.id, deps.deadlineSeconds)) break;
    warnings.push({
      type: 'route',
      target: current.entry.id,
      message: `route "${plan.route?.name}" skipped ${current.entry.id}: its circuit breaker is half-open and a probe is already testing it`,
    });
    const [next, ...rest] = current.fallbacks;
    if (next == null) {
      throw new RouteUnavailableError(
        `every target of route "${plan.route?.name}" is unavailable: ${warnings.map((warning) => warning.message).join('; ')}`,
        1,
      );
    }
    current = { ...current, ...next, fallbacks: rest };
  }
  return { ...current, routeWarnings: [...current.routeWarnings, ...warnings] };
}
