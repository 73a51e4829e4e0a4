import { z } from 'zod';

/** `POST /v1/{text,image}_to_video` answers the task id (newer API versions add a cost estimate). */
export const runwayCreateResponseSchema = z.object({
  id: z.string().min(1),
  estimatedCost: z.object({ credits: z.number() }).optional(),
});

const taskBase = {
  id: z.string().min(1),
  createdAt: z.string().optional(),
};

/** `GET /v1/tasks/{id}`: a union on `status` (SDK resources/tasks.ts). */
export const runwayTaskSchema = z.discriminatedUnion('status', [
  z.object({ ...taskBase, status: z.literal('PENDING') }),
  // Queued behind the organisation's concurrency limit; not an error.
  z.object({ ...taskBase, status: z.literal('THROTTLED') }),
  // `progress` is a 0–1 fraction in observed answers; the scale is not documented.
  z.object({ ...taskBase, status: z.literal('RUNNING'), progress: z.number().min(0).optional() }),
  // `output` may be missing or empty on a broken success; the adapter reports `no_output`.
  z.object({ ...taskBase, status: z.literal('SUCCEEDED'), output: z.array(z.string()).optional() }),
  z.object({
    ...taskBase,
    status: z.literal('FAILED'),
    failure: z.string().optional(),
    failureCode: z.string().optional(),
  }),
  z.object({ ...taskBase, status: z.literal('CANCELLED') }),
]);

export type RunwayTask = z.infer<typeof runwayTaskSchema>;

/** `DELETE /v1/tasks/{id}` answers 204 with no body. */
export const runwayEmptySchema = z.unknown();

/** What the gateway stores to poll or cancel the task after any restart. */
export const runwayOperationSchema = z.object({
  taskId: z.string().min(1),
  model: z.string(),
  endpoint: z.enum(['text_to_video', 'image_to_video']),
  startedAt: z.number(),
});

export type RunwayOperation = z.infer<typeof runwayOperationSchema>;
