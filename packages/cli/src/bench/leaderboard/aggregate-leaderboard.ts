import { z } from 'zod';
import { numberSeededRandom } from '@vgw/gateway';
import type { ScoreResult } from '@vgw/gateway';
import { bootstrapMeanInterval, quantileOfSorted } from './bootstrap-interval.js';
import type { MeanInterval } from './bootstrap-interval.js';
import type { BenchRun } from './bench-run.js';
import { leaderboardMetrics } from './leaderboard-metrics.js';

export const meanIntervalSchema = z.object({
  mean: z.number(),
  low: z.number(),
  high: z.number(),
  samples: z.number().int().positive(),
});

export const leaderboardRowSchema = z.object({
  model: z.string(),
  runs: z.number().int().min(0),
  completed: z.number().int().min(0),
  failures: z.number().int().min(0),
  stabilityIndex: meanIntervalSchema.nullable(),
  metrics: z.record(z.string(), meanIntervalSchema.nullable()),
  dynamicDegree: z.object({
    movingPairFraction: meanIntervalSchema.nullable(),
    /** Share of scored runs that VBench's recipe calls dynamic. */
    fractionDynamic: z.number().min(0).max(1).nullable(),
  }),
  /** Total cost over total seconds of the completed runs that have a cost. */
  costPerSecondMicroUsd: z.number().min(0).nullable(),
  totalCostMicroUsd: z.number().int().min(0),
  costSources: z.array(z.enum(['video', 'engine_price'])),
  medianRenderSeconds: z.number().min(0).nullable(),
});

export type LeaderboardRow = z.infer<typeof leaderboardRowSchema>;

export interface AggregateOptions {
  /** Each interval restarts the PRNG from this seed, so rows do not depend on their order. */
  bootstrapSeed: number;
  resamples: number;
  confidence: number;
}

function presentValues(
  scores: readonly ScoreResult[],
  read: (score: ScoreResult) => number | null,
): number[] {
  return scores.map(read).filter((value): value is number => value != null);
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return quantileOfSorted(
    [...values].sort((left, right) => left - right),
    0.5,
  );
}

function costFigures(runs: readonly BenchRun[]) {
  let microUsd = 0;
  let seconds = 0;
  const sources = new Set<'video' | 'engine_price'>();
  for (const run of runs) {
    if (run.cost == null || run.videoSeconds == null) continue;
    microUsd += run.cost.microUsd;
    seconds += run.videoSeconds;
    sources.add(run.cost.source);
  }
  return {
    costPerSecondMicroUsd: seconds > 0 ? microUsd / seconds : null,
    totalCostMicroUsd: microUsd,
    costSources: [...sources].sort(),
  };
}

/** One model's row: means with bootstrap intervals over its scored runs, costs, failures. */
export function aggregateModel(
  model: string,
  runs: readonly BenchRun[],
  options: AggregateOptions,
): LeaderboardRow {
  const mine = runs.filter((run) => run.model === model);
  const completed = mine.filter((run) => run.status === 'completed');
  const scores = completed
    .map((run) => run.score)
    .filter((score): score is ScoreResult => score != null);
  const interval = (values: number[]): MeanInterval | null =>
    bootstrapMeanInterval(values, {
      random: numberSeededRandom(options.bootstrapSeed),
      resamples: options.resamples,
      confidence: options.confidence,
    });
  const metrics: Record<string, MeanInterval | null> = {};
  for (const metric of leaderboardMetrics) {
    metrics[metric.key] = interval(presentValues(scores, metric.read));
  }
  const dynamicCount = scores.filter((score) => score.dynamicDegree.dynamic).length;
  return {
    model,
    runs: mine.length,
    completed: completed.length,
    failures: mine.length - completed.length,
    stabilityIndex: interval(scores.map((score) => score.index.value)),
    metrics,
    dynamicDegree: {
      movingPairFraction: interval(scores.map((score) => score.dynamicDegree.movingPairFraction)),
      fractionDynamic: scores.length > 0 ? dynamicCount / scores.length : null,
    },
    ...costFigures(completed),
    medianRenderSeconds: median(
      completed.map((run) => run.renderSeconds).filter((value) => value != null),
    ),
  };
}

/** Every model's row, steadiest first; models with nothing scored go last, in the given order. */
export function aggregateLeaderboard(
  models: readonly string[],
  runs: readonly BenchRun[],
  options: AggregateOptions,
): LeaderboardRow[] {
  const rows = models.map((model) => aggregateModel(model, runs, options));
  const rank = (row: LeaderboardRow) => row.stabilityIndex?.mean ?? Number.NEGATIVE_INFINITY;
  return rows
    .map((row, order) => ({ row, order }))
    .sort((left, right) => rank(right.row) - rank(left.row) || left.order - right.order)
    .map(({ row }) => row);
}
