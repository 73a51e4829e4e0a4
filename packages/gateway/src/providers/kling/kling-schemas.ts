import { z } from 'zod';

/** Every Kling answer, success or not: a non-zero `code` is an error even on HTTP 200. */
export const klingEnvelopeSchema = z.object({
  code: z.number().int(),
  message: z.string().nullish(),
  request_id: z.string().nullish(),
  data: z.unknown().optional(),
});
export type KlingEnvelope = z.infer<typeof klingEnvelopeSchema>;

export const klingTaskStatuses = ['submitted', 'processing', 'succeed', 'failed'] as const;

/** `data` of a create answer, a query answer and a callback body. */
export const klingTaskSchema = z.object({
  task_id: z.string().min(1),
  task_status: z.enum(klingTaskStatuses),
  task_status_msg: z.string().nullish(),
  task_info: z.object({ external_task_id: z.string().nullish() }).nullish(),
  task_result: z
    .object({
      videos: z
        .array(
          z.object({
            id: z.string().nullish(),
            url: z.string().nullish(),
            watermark_url: z.string().nullish(),
            duration: z.string().nullish(),
          }),
        )
        .nullish(),
    })
    .nullish(),
  final_unit_deduction: z.string().nullish(),
  created_at: z.number().nullish(),
  updated_at: z.number().nullish(),
});
export type KlingTask = z.infer<typeof klingTaskSchema>;

/** What doStatus needs to poll again after any restart. */
export const klingOperationSchema = z.object({
  taskId: z.string().min(1),
  endpoint: z.enum(['text2video', 'image2video']),
  modelId: z.string(),
  externalTaskId: z.string(),
  startedAt: z.number(),
});
export type KlingOperation = z.infer<typeof klingOperationSchema>;
