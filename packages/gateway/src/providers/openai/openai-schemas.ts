import { z } from 'zod';

/** Video ids become file names on our disk, so only OpenAI's own alphabet is accepted. */
export const videoIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, 'not a video id');

/** The `Video` object of `POST /videos` and `GET /videos/{id}` (openai-node `resources/videos`). */
export const videoObjectSchema = z.object({
  id: videoIdSchema,
  object: z.literal('video'),
  model: z.string(),
  status: z.enum(['queued', 'in_progress', 'completed', 'failed']),
  progress: z.number().min(0).max(100).nullish(),
  created_at: z.number(),
  completed_at: z.number().nullish(),
  expires_at: z.number().nullish(),
  prompt: z.string().nullish(),
  seconds: z.string().nullish(),
  size: z.string().nullish(),
  remixed_from_video_id: z.string().nullish(),
  error: z.object({ code: z.string().nullish(), message: z.string().nullish() }).nullish(),
});

export type VideoObject = z.infer<typeof videoObjectSchema>;

/** OpenAI's standard error body. */
export const errorBodySchema = z.object({
  error: z.object({
    message: z.string().nullish(),
    type: z.string().nullish(),
    param: z.string().nullish(),
    code: z.string().nullish(),
  }),
});

export type ErrorBody = z.infer<typeof errorBodySchema>;
