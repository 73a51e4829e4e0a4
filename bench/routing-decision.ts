// What choosing a target costs a create: `planVideo` over a 10-target route, per strategy, beside
// the plan of a plain model request (one target, no route) as the yardstick. Pure CPU in this
// process; the breakers a routed create reads from the database first are timed apart.
import { performance } from 'node:perf_hooks';
import {
  createCostPolicy,
  type ConfiguredPrice,
} from '../packages/gateway/src/cost/cost-policy.js';
import { readBreakers } from '../packages/gateway/src/db/engine-breakers-repository.js';
import type { CreateVideoInput } from '../packages/gateway/src/generation/create-video-input.js';
import { planVideo, type PlanVideoDeps } from '../packages/gateway/src/generation/plan-video.js';
import { createModelRegistry } from '../packages/gateway/src/providers/model-registry.js';
import {
  createRouteTable,
  type Route,
  type RouteStrategy,
} from '../packages/gateway/src/routing/route.js';
import { createFakeVideoModel } from '../packages/gateway/src/test-support/fake-video-model.js';
import { openBenchDatabase } from './bench-database.js';
import { median } from './median.js';

const targetCount = 10;
const modelNames = Array.from({ length: targetCount }, (_, index) => `fake-${index + 1}`);

/** Every target a different price, so `cheapest` really sorts (the cheapest is not first). */
function prices(): Record<string, ConfiguredPrice> {
  return Object.fromEntries(
    modelNames.map((name, index) => [
      `fake/${name}`,
      { microUsdPerSecond: 50_000 + ((index * 7) % targetCount) * 10_000, bySize: {} },
    ]),
  );
}

function route(strategy: RouteStrategy): Route {
  return {
    name: `ten-${strategy}`,
    strategy,
    targets: modelNames.map((name, index) => ({
      model: `fake/${name}`,
      weight: strategy === 'weighted' ? index + 1 : null,
      providerOptions: {},
    })),
    fallbackOn: null,
    maxMicroUsdPerSecond: null,
    requires: [],
    qualityGate: null,
  };
}

function planDeps(): PlanVideoDeps {
  const strategies: RouteStrategy[] = ['fallback', 'cheapest', 'weighted'];
  return {
    registry: createModelRegistry(
      modelNames.map((modelId) => createFakeVideoModel({ modelId })),
      'fake/fake-1',
    ),
    cost: createCostPolicy({ prices: prices() }),
    routes: createRouteTable(strategies.map(route)),
  };
}

function input(model: string): CreateVideoInput {
  return {
    prompt: 'a fox in the snow',
    model,
    seconds: 4,
    size: '1280x720',
    fps: null,
    seed: null,
    inputReference: null,
    providerOptions: {},
    remixedFromVideoId: null,
  };
}

export interface RoutingDecisionRow {
  plan: string;
  targets: number;
  microsecondsPerDecision: number;
  /** Per batch, in order: the spread says how noisy the machine was. */
  batches: string;
  ratioToPlainModel: number;
}

/**
 * `batches` timed batches of `decisions` plans each, per case, the cases interleaved batch by
 * batch so drift in the machine's speed falls on all of them; the median batch is reported.
 * Each decision gets its own seed, as each create has its own video id.
 */
export async function benchRoutingDecision(
  decisions = 20_000,
  batches = 7,
): Promise<RoutingDecisionRow[]> {
  const deps = planDeps();
  const breakers = new Map();
  const cases = [
    { plan: 'plain model (fake/fake-1)', model: 'fake/fake-1', targets: 1 },
    { plan: 'route, fallback', model: 'ten-fallback', targets: targetCount },
    { plan: 'route, cheapest', model: 'ten-cheapest', targets: targetCount },
    { plan: 'route, weighted', model: 'ten-weighted', targets: targetCount },
  ];
  const timings = cases.map(() => [] as number[]);
  let chosen = 0;
  const run = (model: string, count: number, batch: number) => {
    const request = input(model);
    const startedAt = performance.now();
    for (let index = 0; index < count; index += 1) {
      const plan = planVideo(deps, request, { seed: `video_${batch}_${index}`, breakers });
      chosen += plan.fallbacks.length;
    }
    return ((performance.now() - startedAt) * 1000) / count;
  };
  for (const each of cases) run(each.model, decisions / 4, -1);
  for (let batch = 0; batch < batches; batch += 1) {
    cases.forEach((each, index) => timings[index]?.push(run(each.model, decisions, batch)));
  }
  if (chosen === 0) throw new Error('no route planned its fallbacks');
  const plain = median(timings[0] as number[]);
  return cases.map((each, index) => {
    const perDecision = median(timings[index] as number[]);
    return {
      plan: each.plan,
      targets: each.targets,
      microsecondsPerDecision: Number(perDecision.toFixed(2)),
      batches: (timings[index] as number[]).map((value) => value.toFixed(1)).join(' '),
      ratioToPlainModel: Number((perDecision / plain).toFixed(2)),
    };
  });
}

/**
 * A routed create reads the breakers before it plans (a plain model request reads none): one
 * query of a small table, timed one after another on an otherwise idle pool, median of `count`.
 */
export async function benchReadBreakers(count = 2000) {
  const bench = await openBenchDatabase('postgres', 2);
  try {
    await bench.database.query(
      `insert into engine_breakers (model, consecutive_failures)
       select 'fake/fake-' || n, 0 from generate_series(1, ${targetCount}) n`,
    );
    for (let index = 0; index < 200; index += 1) await readBreakers(bench.database);
    const samples: number[] = [];
    for (let index = 0; index < count; index += 1) {
      const startedAt = performance.now();
      await readBreakers(bench.database);
      samples.push((performance.now() - startedAt) * 1000);
    }
    samples.sort((left, right) => left - right);
    return {
      query: 'readBreakers (Postgres, 10 rows)',
      samples: count,
      medianMicroseconds: Math.round(median(samples)),
      p99Microseconds: Math.round(samples[Math.ceil(count * 0.99) - 1] as number),
    };
  } finally {
    await bench.dispose();
  }
}
