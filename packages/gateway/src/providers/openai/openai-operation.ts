import type { JSONValue } from '@vgw/spec';
import { z } from 'zod';
import { parseStoredOperation } from '../../provider-http/stored-operation.js';
import { openaiModelIds, openaiProviderName } from './openai-models.js';
import { videoIdSchema } from './openai-schemas.js';

/** What the gateway stores after a start: enough to poll and download after any restart. */
export const openaiOperationSchema = z.object({
  videoId: videoIdSchema,
  model: z.enum(openaiModelIds),
  /** The model string sent upstream (a snapshot when one was pinned). */
  upstreamModel: z.string(),
  startedAt: z.number(),
});

export type OpenaiOperation = z.infer<typeof openaiOperationSchema>;

export function parseOperation(operation: JSONValue): OpenaiOperation {
  return parseStoredOperation(
    openaiProviderName,
    openaiOperationSchema,
    operation,
    'stored operation is not an OpenAI video',
  );
}
