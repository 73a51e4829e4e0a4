import { z } from 'zod';

/** The statuses a prediction can be in (the SDK's types add `aborted` to the documented five). */
export const predictionStatusSchema = z.enum([
  'starting',
  'processing',
  'succeeded',
  'failed',
  'canceled',
  'aborted',
]);

/**
 * A prediction, as returned by create, get and cancel. Only what the adapter reads is checked;
 * `output` is model-specific (video models give a URL string, sometimes an array of them).
 */
export const predictionSchema = z.object({
  id: z.string().min(1),
  status: predictionStatusSchema,
  output: z.unknown().optional(),
  error: z.unknown().optional(),
  logs: z.string().nullish(),
  model: z.string().optional(),
  version: z.string().optional(),
  created_at: z.string().nullish(),
  started_at: z.string().nullish(),
  completed_at: z.string().nullish(),
  metrics: z.object({ predict_time: z.number().optional() }).loose().nullish(),
  urls: z.object({ get: z.string().optional(), cancel: z.string().optional() }).loose().nullish(),
});

export type Prediction = z.infer<typeof predictionSchema>;
