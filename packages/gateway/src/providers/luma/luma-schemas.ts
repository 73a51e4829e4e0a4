import { z } from 'zod';

/** The `Generation` object of `POST /generations/video` and `GET /generations/{id}` (§4.3). */
export const lumaGenerationSchema = z.object({
  id: z.string().min(1),
  state: z.enum(['queued', 'dreaming', 'completed', 'failed']),
  failure_reason: z.string().nullish(),
  assets: z
    .object({
      video: z.string().nullish(),
      image: z.string().nullish(),
      progress_video: z.string().nullish(),
    })
    .nullish(),
  model: z.string().nullish(),
  created_at: z.string().nullish(),
});

export type LumaGeneration = z.infer<typeof lumaGenerationSchema>;

/** FastAPI-style error body: `{ "detail": "Invalid API key provided" }` (§4.5). */
export const lumaErrorBodySchema = z.object({
  detail: z.union([z.string(), z.array(z.unknown())]),
});

/** `DELETE /generations/{id}` answers with no body. */
export const lumaEmptySchema = z.unknown();

/** What the gateway stores to poll or delete a generation after any restart. */
export const lumaOperationSchema = z.object({
  id: z.string().min(1),
  model: z.string(),
  startedAt: z.number(),
});

export type LumaOperation = z.infer<typeof lumaOperationSchema>;
