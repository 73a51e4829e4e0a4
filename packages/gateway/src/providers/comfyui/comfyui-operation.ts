import type { JSONValue } from '@vgw/spec';
import { z } from 'zod';
import { parseStoredOperation } from '../../provider-http/stored-operation.js';
import { comfyuiProviderName } from './comfyui-models.js';

/** What the gateway stores after queueing a prompt: enough to poll and cancel after a restart. */
export const comfyuiOperationSchema = z.object({
  promptId: z.string().min(1),
  clientId: z.string().min(1),
  startedAt: z.number(),
});

export type ComfyuiOperation = z.infer<typeof comfyuiOperationSchema>;

export function parseComfyuiOperation(value: JSONValue): ComfyuiOperation {
  return parseStoredOperation(
    comfyuiProviderName,
    comfyuiOperationSchema,
    value,
    'the stored operation is not valid',
  );
}
