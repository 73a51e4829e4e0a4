import { z } from 'zod';

/** `POST /prompt` → 200. */
export const queuedPromptSchema = z.object({
  prompt_id: z.string().min(1),
  number: z.number().optional(),
  node_errors: z.unknown().optional(),
});

/** `POST /prompt` → 400: `error` is an object in current versions, a string in older ones. */
export const promptRejectionSchema = z.object({
  error: z.union([
    z.string(),
    z.looseObject({ type: z.string().optional(), message: z.string().optional() }),
  ]),
  node_errors: z
    .union([
      z.record(
        z.string(),
        z.looseObject({
          class_type: z.string().optional(),
          errors: z
            .array(
              z.looseObject({ message: z.string().optional(), details: z.string().optional() }),
            )
            .optional(),
        }),
      ),
      z.array(z.unknown()),
    ])
    .optional(),
});

/** One output file, as `SaveVideo` (images[]), `VHS_VideoCombine` (gifs[]) and others list it. */
export const outputFileSchema = z.looseObject({
  filename: z.string().min(1),
  subfolder: z.string().default(''),
  type: z.string().default('output'),
  format: z.string().optional(),
});

export type OutputFile = z.infer<typeof outputFileSchema>;

export const nodeOutputSchema = z.looseObject({
  gifs: z.array(outputFileSchema).optional(),
  videos: z.array(outputFileSchema).optional(),
  images: z.array(outputFileSchema).optional(),
  animated: z.array(z.boolean()).optional(),
});

export type NodeOutput = z.infer<typeof nodeOutputSchema>;

export const historyEntrySchema = z.looseObject({
  outputs: z.record(z.string(), nodeOutputSchema).default({}),
  status: z
    .looseObject({
      status_str: z.string(),
      completed: z.boolean().optional(),
      messages: z.array(z.tuple([z.string(), z.unknown()]).rest(z.unknown())).default([]),
    })
    .optional(),
});

export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** `GET /history/{prompt_id}` → `{}` while queued or running, else `{ [prompt_id]: entry }`. */
export const historySchema = z.record(z.string(), historyEntrySchema);

/** A queue item is an array whose index 1 is the prompt id. */
const queueItemSchema = z.array(z.unknown()).min(2);

/** `GET /queue`. */
export const queueSchema = z.object({
  queue_running: z.array(queueItemSchema),
  queue_pending: z.array(queueItemSchema),
});

export type Queue = z.infer<typeof queueSchema>;

/** `POST /interrupt` and `POST /queue` answer 200 with an empty body. */
export const emptySchema = z.unknown();
