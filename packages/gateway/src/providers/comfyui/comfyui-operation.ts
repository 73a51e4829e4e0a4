import { ProviderApiError, type JSONValue } from '@vgw/spec';
import { z } from 'zod';
import { comfyuiProviderName } from './comfyui-models.js';

/** What the gateway stores after queueing a prompt: enough to poll and cancel after a restart. */
export const comfyuiOperationSchema = z.object({
  promptId: z.string().min(1),
  clientId: z.string().min(1),
  startedAt: z.number(),
});

export type ComfyuiOperation = z.infer<typeof comfyuiOperationSchema>;

export function parseComfyuiOperation(value: JSONValue): ComfyuiOperation {
  const parsed = comfyuiOperationSchema.safeParse(value);
  if (!parsed.success) {
    throw new ProviderApiError(comfyuiProviderName, 'the stored operation is not valid', {
      code: 'invalid_operation',
      retryable: false,
    });
  }
  return parsed.data;
}
