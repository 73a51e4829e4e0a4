import { InvalidRequestError, type JSONObject, type VideoWarning } from '@vgw/spec';
import type { CostEstimate, CostPolicy } from '../cost/cost-policy.js';
import { formatUsd } from '../cost/money.js';
import type { BreakerHealth } from '../db/engine-breakers-repository.js';
import type { PlannedTarget } from '../db/video-record.js';
import type { ConfiguredModelEntry, ModelRegistry } from '../providers/model-registry.js';
import { orderTargets } from '../routing/order-targets.js';
import type { Route, RouteTable, RouteTarget } from '../routing/route.js';
import { RouteUnavailableError } from '../routing/route-unavailable-error.js';
import { checkCapabilities } from './check-capabilities.js';
import type { CreateVideoInput } from './create-video-input.js';
import { mergedProviderOptions } from './provider-options.js';

/** One model a request would render on, with what its capabilities make of the request. */
export interface TargetPlan {
  entry: ConfiguredModelEntry;
  checked: ReturnType<typeof checkCapabilities>;
  estimate: CostEstimate;
  /** The operator's options for this target (a route's `providerOptions`); `{}` for a model. */
  targetOptions: JSONObject;
  /** Its breaker is half-open: a create must win the probe before it renders here. */
  needsProbe: boolean;
}

/** What a create would render, on which target, at what cost, and what would come next. */
export interface VideoPlan extends TargetPlan {
  route: Route | null;
  /** A route's other eligible targets, in the order a fallback tries them. */
  fallbacks: TargetPlan[];
  /** One `route` warning per target skipped, saying why. */
  routeWarnings: VideoWarning[];
}

export interface PlanVideoDeps {
  registry: ModelRegistry;
  cost: CostPolicy;
  routes: RouteTable;
}

export interface PlanOptions {
  /** Seeds a weighted route's draw: the video id, so a replay picks the same target. */
  seed: string;
  breakers: ReadonlyMap<string, BreakerHealth>;
}

function planTarget(
  deps: PlanVideoDeps,
  input: CreateVideoInput,
  entry: ConfiguredModelEntry,
  targetOptions: JSONObject,
): Omit<TargetPlan, 'needsProbe'> {
  const checked = checkCapabilities(
    { ...input, hasInputReference: input.inputReference != null },
    entry.capabilities,
  );
  // The same check doStart makes, so a bad option is a 400 now and never a failed render later.
  entry.model.parseOptions?.(
    mergedProviderOptions(targetOptions, input.providerOptions, entry.provider),
  );
  return { entry, checked, estimate: deps.cost.estimate(entry, checked.parameters), targetOptions };
}

/** Why a breaker keeps routes off a model now, or null when it lets them through. */
function breakerRefusal(health: BreakerHealth | undefined): string | null {
  if (health == null || health.state === 'closed') return null;
  if (health.state === 'open') {
    const failures = health.consecutiveFailures;
    return `its circuit breaker is open until ${health.openUntil?.toISOString()} after ${failures} ${failures === 1 ? 'failure' : 'failures'} in a row`;
  }
  return health.probing
    ? 'its circuit breaker is half-open and a probe is already testing it'
    : null;
}

interface Skip {
  target: string;
  reason: string;
  breaker: boolean;
}

function routeTarget(
  deps: PlanVideoDeps,
  input: CreateVideoInput,
  route: Route,
  target: RouteTarget,
  options: PlanOptions,
): TargetPlan | Skip {
  const skip = (reason: string, breaker = false): Skip => ({
    target: target.model,
    reason,
    breaker,
  });
  try {
    const entry = deps.registry.resolve(target.model);
    const missing = route.requires.filter((need) => entry.capabilities[need] !== true);
    if (missing.length > 0) return skip(`it lacks ${missing.join(', ')}, which the route requires`);
    const health = options.breakers.get(entry.id);
    const refusal = breakerRefusal(health);
    if (refusal != null) return skip(refusal, true);
    const plan = planTarget(deps, input, entry, target.providerOptions);
    const limit = route.maxMicroUsdPerSecond;
    if (limit != null && plan.estimate.microUsdPerSecond > limit) {
      return skip(
        `it costs ${formatUsd(plan.estimate.microUsdPerSecond)} USD/s, over the route's maxUsdPerSecond of ${formatUsd(limit)}`,
      );
    }
    return { ...plan, needsProbe: health?.state === 'half_open' };
  } catch (error) {
    if (error instanceof InvalidRequestError) return skip(error.message);
    throw error;
  }
}

function refuseRoute(
  route: Route,
  skips: Skip[],
  breakers: ReadonlyMap<string, BreakerHealth>,
): never {
  const reasons = skips.map((skip) => `${skip.target}: ${skip.reason}`).join('; ');
  if (skips.every((skip) => skip.breaker)) {
    const reopen = skips
      .map((skip) => breakers.get(skip.target)?.openUntil?.getTime() ?? Date.now())
      .reduce((soonest, at) => Math.min(soonest, at), Number.POSITIVE_INFINITY);
    const seconds = Math.max(1, Math.ceil((reopen - Date.now()) / 1000));
    throw new RouteUnavailableError(
      `every target of route "${route.name}" is unavailable: ${reasons}`,
      seconds,
    );
  }
  throw new InvalidRequestError(
    `route "${route.name}" has no target that can serve this request: ${reasons}`,
    'model',
    'no_eligible_target',
  );
}

function planRoute(
  deps: PlanVideoDeps,
  input: CreateVideoInput,
  route: Route,
  options: PlanOptions,
): VideoPlan {
  const plans: { index: number; plan: TargetPlan }[] = [];
  const skips: Skip[] = [];
  route.targets.forEach((target, index) => {
    const outcome = routeTarget(deps, input, route, target, options);
    if ('reason' in outcome) skips.push(outcome);
    else plans.push({ index, plan: outcome });
  });
  if (plans.length === 0) refuseRoute(route, skips, options.breakers);
  const eligible = plans.map(({ index, plan }) => ({
    index,
    estimateMicroUsd: plan.estimate.microUsd,
  }));
  const ordered = orderTargets(route, eligible, options.seed).map(
    ({ index }) => plans.find((candidate) => candidate.index === index)?.plan as TargetPlan,
  );
  const [chosen, ...fallbacks] = ordered as [TargetPlan, ...TargetPlan[]];
  const routeWarnings: VideoWarning[] = skips.map((skip) => ({
    type: 'route',
    target: skip.target,
    message: `route "${route.name}" skipped ${skip.target}: ${skip.reason}`,
  }));
  return { ...chosen, route, fallbacks, routeWarnings };
}

/**
 * What a create would render and what it would cost, with every refusal a create would give
 * (model or route, capabilities, provider options): `POST /v1/videos/estimate` answers this and
 * writes nothing. A route skips each target that cannot serve the request, saying why.
 */
export function planVideo(
  deps: PlanVideoDeps,
  input: CreateVideoInput,
  options: PlanOptions,
): VideoPlan {
  const route = deps.routes.find(input.model ?? deps.registry.defaultModel);
  if (route != null) return planRoute(deps, input, route, options);
  const entry = deps.registry.resolve(input.model);
  const plan = planTarget(deps, input, entry, {});
  return { ...plan, needsProbe: false, route: null, fallbacks: [], routeWarnings: [] };
}

/** A target as the video row keeps it for a later fallback. */
export function toPlannedTarget(plan: TargetPlan): PlannedTarget {
  const { parameters, warnings } = plan.checked;
  return {
    model: plan.entry.id,
    provider: plan.entry.provider,
    providerOptions: plan.targetOptions,
    seconds: parameters.seconds,
    size: `${parameters.width}x${parameters.height}`,
    fps: parameters.fps,
    seed: parameters.seed,
    warnings,
    estimateMicroUsd: plan.estimate.microUsd,
    costBasis: plan.estimate.basis,
  };
}
