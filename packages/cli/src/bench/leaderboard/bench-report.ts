import { z } from 'zod';
import { aggregateLeaderboard, leaderboardRowSchema } from './aggregate-leaderboard.js';
import { benchPromptSchema, benchRunSchema } from './bench-run.js';
import type { BenchPrompt, BenchRun } from './bench-run.js';
import { pairwiseWinRates, winRateSchema, winRatesByShot } from './win-rates.js';

export const benchSettingsSchema = z.object({
  models: z.array(z.string()).min(1),
  repeat: z.number().int().positive(),
  seconds: z.number().positive().nullable(),
  size: z.string().nullable(),
  seed: z.number().int().min(0).nullable(),
  concurrency: z.number().int().positive(),
  /** The prompt file given with --prompts, or null for the shipped suite. */
  promptsFile: z.string().nullable(),
  bootstrap: z.object({
    resamples: z.number().int().positive(),
    confidence: z.number().gt(0).lt(1),
    seed: z.number().int(),
  }),
});

export type BenchSettings = z.infer<typeof benchSettingsSchema>;

/** report.json, as `vgw bench` writes it. Additive changes keep version 1. */
export const benchReportSchema = z.object({
  version: z.literal(1),
  createdAt: z.string(),
  /** `embedded`: the CLI's in-process gateway; `remote`: VGW_BASE_URL. */
  gateway: z.enum(['embedded', 'remote']),
  settings: benchSettingsSchema,
  prompts: z.array(benchPromptSchema),
  runs: z.array(benchRunSchema),
  leaderboard: z.array(leaderboardRowSchema),
  winRates: z.object({
    overall: z.array(winRateSchema),
    byShot: z.record(z.string(), z.array(winRateSchema)),
  }),
});

export type BenchReport = z.infer<typeof benchReportSchema>;

export interface BenchReportInput {
  createdAt: string;
  gateway: BenchReport['gateway'];
  settings: BenchSettings;
  prompts: BenchPrompt[];
  runs: BenchRun[];
}

/** Adds the leaderboard and the win rates to the raw runs. Pure: same runs, same report. */
export function buildBenchReport(input: BenchReportInput): BenchReport {
  const { models, bootstrap } = input.settings;
  return {
    version: 1,
    ...input,
    leaderboard: aggregateLeaderboard(models, input.runs, {
      bootstrapSeed: bootstrap.seed,
      resamples: bootstrap.resamples,
      confidence: bootstrap.confidence,
    }),
    winRates: {
      overall: pairwiseWinRates(models, input.runs),
      byShot: winRatesByShot(models, input.runs),
    },
  };
}
