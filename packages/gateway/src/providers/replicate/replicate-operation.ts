import type { JSONValue } from '@vgw/spec';
import { z } from 'zod';
import { parseStoredOperation } from '../../provider-http/stored-operation.js';

/** What the gateway stores after a create: enough to poll and cancel from any worker. */
export const replicateOperationSchema = z.object({
  predictionId: z.string().min(1),
  model: z.string().min(1),
  startedAt: z.number(),
  /** Whether an image was sent, so a moderation error about "the input" can name the right one. */
  sentImage: z.boolean(),
});

export type ReplicateOperation = z.infer<typeof replicateOperationSchema>;

export function parseReplicateOperation(value: JSONValue): ReplicateOperation {
  return parseStoredOperation(
    'replicate',
    replicateOperationSchema,
    value,
    'the stored operation is not valid',
  );
}
