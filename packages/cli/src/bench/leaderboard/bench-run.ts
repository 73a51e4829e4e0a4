import { z } from 'zod';
import { scoreResultSchema } from '@vgw/gateway';

/** Ids name files in the bench's output folder, so they stay plain. */
export const benchPromptIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'use 1-64 lower-case letters, digits, "_" or "-"');

export const benchPromptSchema = z.object({
  id: benchPromptIdSchema,
  /** The kind of shot, e.g. `static` or `water_smoke`; win rates are also split by it. */
  shot: z.string().min(1).max(64),
  prompt: z.string().min(1),
});

export type BenchPrompt = z.infer<typeof benchPromptSchema>;

export const benchFailureSchema = z.object({
  /** Where the run stopped: the create call, the render, the download or the scoring. */
  stage: z.enum(['create', 'render', 'download', 'score']),
  code: z.string(),
  message: z.string(),
});

export type BenchFailure = z.infer<typeof benchFailureSchema>;

export const benchCostSchema = z.object({
  microUsd: z.number().int().min(0),
  /** `engine_price`: the engine's list price × seconds (the video object carries no cost). */
  source: z.enum(['video', 'engine_price']),
});

/** One prompt × model × repeat: what happened, what it cost, how it scored. */
export const benchRunSchema = z.object({
  promptId: benchPromptIdSchema,
  shot: z.string(),
  model: z.string(),
  repeat: z.number().int().min(0),
  videoId: z.string().nullable(),
  status: z.enum(['completed', 'failed']),
  failure: benchFailureSchema.nullable(),
  /** created_at → completed_at from the API (whole seconds on the wire). */
  renderSeconds: z.number().min(0).nullable(),
  videoSeconds: z.number().positive().nullable(),
  size: z.string().nullable(),
  cost: benchCostSchema.nullable(),
  /** Relative to the report's folder. */
  files: z.object({ video: z.string(), thumbnail: z.string().nullable() }).nullable(),
  score: scoreResultSchema.nullable(),
  /** Who computed `score`: the gateway's automatic scoring, or the bench on the downloaded file. */
  scoredBy: z.enum(['gateway', 'bench']).optional(),
});

export type BenchRun = z.infer<typeof benchRunSchema>;
