import { z } from 'zod';

/** Operation names become URL paths, so only the documented `models/{m}/operations/{id}` form passes. */
export const operationNamePattern = /^models\/[A-Za-z0-9._-]+\/operations\/[A-Za-z0-9._-]+$/;

/** google.rpc.Status: the `error` of a finished operation and of every HTTP error body. */
export const googleStatusSchema = z.looseObject({
  code: z.number().int(),
  message: z.string(),
  status: z.string().optional(),
  details: z.array(z.unknown()).optional(),
});
export type GoogleStatus = z.infer<typeof googleStatusSchema>;

export const googleErrorBodySchema = z.looseObject({ error: googleStatusSchema });

const generatedSampleSchema = z.looseObject({
  video: z.looseObject({ uri: z.string().optional() }).optional(),
});

const generateVideoResponseSchema = z.looseObject({
  generatedSamples: z.array(generatedSampleSchema).optional(),
  raiMediaFilteredCount: z.number().int().min(0).optional(),
  raiMediaFilteredReasons: z.array(z.string()).optional(),
});

/**
 * A long-running operation from `predictLongRunning` and `GET /v1beta/{name}`: `done` absent or
 * false while it runs; when done, either `error` or `response.generateVideoResponse`.
 */
export const googleOperationSchema = z.looseObject({
  name: z.string().regex(operationNamePattern),
  done: z.boolean().optional(),
  metadata: z.unknown().optional(),
  error: googleStatusSchema.optional(),
  response: z
    .looseObject({ generateVideoResponse: generateVideoResponseSchema.optional() })
    .optional(),
});
export type GoogleOperation = z.infer<typeof googleOperationSchema>;

/** What the gateway stores: enough to poll after any restart. */
export const storedOperationSchema = z.object({
  name: z.string().regex(operationNamePattern),
  model: z.string(),
  startedAt: z.number(),
});
export type StoredOperation = z.infer<typeof storedOperationSchema>;
