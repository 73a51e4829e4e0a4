import { createHash } from 'node:crypto';
import type { Route } from './route.js';

/** A target that can serve the request, by its index in the route and its estimate. */
export interface EligibleTarget {
  index: number;
  estimateMicroUsd: number;
}

/** Uniform numbers in [0, 1) from a seed: the same seed always gives the same sequence. */
function* seededUniforms(seed: string): Generator<number> {
  for (let round = 0; ; round += 1) {
    const digest = createHash('sha256').update(`${seed}:${round}`).digest();
    for (let offset = 0; offset + 4 <= digest.length; offset += 4) {
      yield digest.readUInt32BE(offset) / 2 ** 32;
    }
  }
}

/** Weighted draws without replacement: the first is the target picked, the rest its fallbacks. */
function weightedOrder(route: Route, eligible: EligibleTarget[], seed: string): EligibleTarget[] {
  const left = [...eligible];
  const ordered: EligibleTarget[] = [];
  const uniforms = seededUniforms(seed);
  while (left.length > 0) {
    const weights = left.map((target) => route.targets[target.index]?.weight ?? 0);
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    let point = (uniforms.next().value as number) * total;
    let chosen = left.length - 1;
    for (let position = 0; position < left.length; position += 1) {
      point -= weights[position] as number;
      if (point < 0) {
        chosen = position;
        break;
      }
    }
    ordered.push(...left.splice(chosen, 1));
  }
  return ordered;
}

/**
 * The order a route tries its eligible targets in: `fallback` as configured, `cheapest` by
 * estimate (ties as configured), `weighted` by seeded draws, so one video id always picks the
 * same target and a replay renders where the first request would have.
 */
export function orderTargets(
  route: Route,
  eligible: EligibleTarget[],
  seed: string,
): EligibleTarget[] {
  if (route.strategy === 'cheapest') {
    return [...eligible].sort(
      (first, second) =>
        first.estimateMicroUsd - second.estimateMicroUsd || first.index - second.index,
    );
  }
  if (route.strategy === 'weighted') return weightedOrder(route, eligible, seed);
  return [...eligible].sort((first, second) => first.index - second.index);
}
