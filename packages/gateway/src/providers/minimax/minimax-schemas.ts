import { z } from 'zod';

/** MiniMax's status block: a non-zero `status_code` is an error even on HTTP 200. */
export const baseRespSchema = z.object({
  status_code: z.number().int(),
  status_msg: z.string().nullish(),
});
export type BaseResp = z.infer<typeof baseRespSchema>;

export const v1CreateSchema = z.object({
  task_id: z.string().nullish(),
  base_resp: baseRespSchema,
});

export const v1Statuses = ['Preparing', 'Queueing', 'Processing', 'Success', 'Fail'] as const;

export const v1QuerySchema = z.object({
  task_id: z.string().nullish(),
  // Absent when base_resp carries a request error (bad key, unknown task).
  status: z.enum(v1Statuses).nullish(),
  file_id: z.union([z.string(), z.number()]).nullish(),
  video_width: z.number().nullish(),
  video_height: z.number().nullish(),
  base_resp: baseRespSchema,
});
export type V1Query = z.infer<typeof v1QuerySchema>;

export const v1FileSchema = z.object({
  file: z
    .object({
      file_id: z.union([z.string(), z.number()]).nullish(),
      bytes: z.number().nullish(),
      created_at: z.number().nullish(),
      filename: z.string().nullish(),
      purpose: z.string().nullish(),
      download_url: z.string().nullish(),
      backup_download_url: z.string().nullish(),
    })
    .nullish(),
  base_resp: baseRespSchema,
});

export const v2CreateSchema = z.object({
  task_id: z.string().nullish(),
  base_resp: baseRespSchema.nullish(),
});

export const v2Statuses = [
  'queued',
  'running',
  'succeeded',
  'failed',
  'cancelled',
  'expired',
] as const;

export const v2TaskSchema = z.object({
  task: z.object({
    id: z.string().nullish(),
    model: z.string().nullish(),
    status: z.enum(v2Statuses),
    content: z.object({ url: z.string().nullish() }).nullish(),
    resolution: z.string().nullish(),
    duration: z.number().nullish(),
    ratio: z.string().nullish(),
    usage: z
      .object({
        total_seconds: z.number().nullish(),
        input_seconds: z.number().nullish(),
        output_seconds: z.number().nullish(),
      })
      .nullish(),
    error: z
      .object({ code: z.union([z.string(), z.number()]).nullish(), message: z.string().nullish() })
      .nullish(),
  }),
  base_resp: baseRespSchema.nullish(),
});
export type V2Task = z.infer<typeof v2TaskSchema>['task'];

/** v2's error body on HTTP ≥ 400 (Vercel AI SDK schema). */
export const v2ErrorSchema = z.object({
  type: z.string().nullish(),
  error: z
    .object({
      type: z.string().nullish(),
      message: z.string().nullish(),
      http_code: z.union([z.string(), z.number()]).nullish(),
    })
    .nullish(),
  request_id: z.string().nullish(),
});

export const minimaxOperationSchema = z.object({
  taskId: z.string().min(1),
  api: z.enum(['v1', 'v2']),
  modelId: z.string(),
  /** A refusal of the input names the prompt only when no image was sent with it. */
  hasImage: z.boolean(),
  startedAt: z.number(),
});
export type MinimaxOperation = z.infer<typeof minimaxOperationSchema>;
