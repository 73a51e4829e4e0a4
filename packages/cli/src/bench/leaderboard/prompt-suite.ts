import { z } from 'zod';
import { benchPromptSchema } from './bench-run.js';
import type { BenchPrompt } from './bench-run.js';

const groupedPromptSchema = benchPromptSchema.omit({ shot: true });

/**
 * A prompt file: either a list of `{ id, shot, prompt }`, or an object of shot type → list of
 * `{ id, prompt }` (how the shipped suite is written). Ids must be unique.
 */
export const promptSuiteSchema = z
  .union([
    z.array(benchPromptSchema).min(1),
    z
      .record(z.string().min(1).max(64), z.array(groupedPromptSchema).min(1))
      .refine((groups) => Object.keys(groups).length > 0, 'at least one shot type'),
  ])
  .transform((suite): BenchPrompt[] =>
    Array.isArray(suite)
      ? suite
      : Object.entries(suite).flatMap(([shot, prompts]) =>
          prompts.map((prompt) => ({ id: prompt.id, shot, prompt: prompt.prompt })),
        ),
  )
  .superRefine((prompts, issues) => {
    const seen = new Set<string>();
    for (const prompt of prompts) {
      if (seen.has(prompt.id)) {
        issues.addIssue({ code: 'custom', message: `prompt id "${prompt.id}" appears twice` });
      }
      seen.add(prompt.id);
    }
  });
