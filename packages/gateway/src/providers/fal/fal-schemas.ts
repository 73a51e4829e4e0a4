import { z } from 'zod';

/** `POST https://queue.fal.run/{endpoint}` answer (SDK `InQueueQueueStatus`, providers.md §8.2). */
export const falSubmitSchema = z.object({
  request_id: z.string().min(1),
  status: z.string().optional(),
  queue_position: z.number().nullish(),
  status_url: z.string().nullish(),
  response_url: z.string().nullish(),
  cancel_url: z.string().nullish(),
});

/** `GET …/requests/{id}/status`; `error`/`error_type` appear when the request failed (§8.3). */
export const falStatusSchema = z.object({
  status: z.enum(['IN_QUEUE', 'IN_PROGRESS', 'COMPLETED']),
  queue_position: z.number().nullish(),
  error: z.string().nullish(),
  error_type: z.string().nullish(),
});

export type FalStatus = z.infer<typeof falStatusSchema>;

/** `GET …/requests/{id}`: the model's output; video endpoints return `video.url`. */
export const falVideoResultSchema = z.object({
  video: z.object({ url: z.string().nullish(), content_type: z.string().nullish() }).nullish(),
});

/**
 * Error bodies: model errors carry a `detail` list of `{loc, msg, type}` (422), request errors
 * a `detail` string with `error_type` (fal docs "Model Errors" / "Request Error Types").
 */
export const falErrorBodySchema = z.object({
  detail: z.union([
    z.string(),
    z.array(
      z.looseObject({
        loc: z.array(z.union([z.string(), z.number()])).optional(),
        type: z.string().optional(),
      }),
    ),
  ]),
  error_type: z.string().nullish(),
});

export type FalErrorBody = z.infer<typeof falErrorBodySchema>;

/** What the gateway stores to poll, fetch or cancel a queued request after any restart. */
export const falOperationSchema = z.object({
  requestId: z.string().min(1),
  endpointId: z.string().min(1),
  startedAt: z.number(),
});

export type FalOperation = z.infer<typeof falOperationSchema>;
