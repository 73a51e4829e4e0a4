import { InvalidRequestError, type JSONObject } from '@vgw/spec';
import { z } from 'zod';
import {
  providerOptionsError,
  providerOptionsParam,
} from '../../provider-http/provider-options-error.js';
import { openaiSnapshots, type OpenaiModelId } from './openai-models.js';

/** `provider_options.openai`: strict, so a misspelt key is a 400 rather than silently ignored. */
export const openaiOptionsSchema = z.strictObject({
  /** Pins a dated snapshot of the requested model (e.g. `sora-2-2025-12-08`), same price. */
  snapshot: z.string().min(1).optional(),
});

export type OpenaiOptions = z.infer<typeof openaiOptionsSchema>;

function checkSnapshot(options: OpenaiOptions, modelId: OpenaiModelId): void {
  if (options.snapshot == null) return;
  const allowed = openaiSnapshots[modelId];
  if (!allowed.includes(options.snapshot)) {
    throw new InvalidRequestError(
      `provider_options.openai.snapshot must be one of ${allowed.join(', ')} for ${modelId}, got "${options.snapshot}"`,
      providerOptionsParam('openai', 'snapshot'),
    );
  }
}

/** Validates OpenAI's options for one model; the error names the offending key. */
export function parseOpenaiOptions(
  providerOptions: JSONObject,
  modelId: OpenaiModelId,
): OpenaiOptions {
  const parsed = openaiOptionsSchema.safeParse(providerOptions);
  if (parsed.success) {
    checkSnapshot(parsed.data, modelId);
    return parsed.data;
  }
  throw providerOptionsError('openai', parsed.error, { allowed: 'snapshot' });
}
