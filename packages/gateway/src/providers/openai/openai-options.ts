import { InvalidRequestError, type JSONObject } from '@vgw/spec';
import { z } from 'zod';
import { openaiSnapshots, type OpenaiModelId } from './openai-models.js';

/** `provider_options.openai`: strict, so a misspelt key is a 400 rather than silently ignored. */
export const openaiOptionsSchema = z.strictObject({
  /** Pins a dated snapshot of the requested model (e.g. `sora-2-2025-12-08`), same price. */
  snapshot: z.string().min(1).optional(),
});

export type OpenaiOptions = z.infer<typeof openaiOptionsSchema>;

const param = (key: string): string =>
  key === '' ? 'provider_options.openai' : `provider_options.openai.${key}`;

function checkSnapshot(options: OpenaiOptions, modelId: OpenaiModelId): void {
  if (options.snapshot == null) return;
  const allowed = openaiSnapshots[modelId];
  if (!allowed.includes(options.snapshot)) {
    throw new InvalidRequestError(
      `provider_options.openai.snapshot must be one of ${allowed.join(', ')} for ${modelId}, got "${options.snapshot}"`,
      param('snapshot'),
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
  const issue = parsed.error.issues[0];
  if (issue == null) throw new InvalidRequestError('invalid provider_options.openai', param(''));
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    throw new InvalidRequestError(
      `unknown option "${key}" in provider_options.openai; allowed: snapshot`,
      param(key),
      'unknown_parameter',
    );
  }
  const key = issue.path.map(String).join('.');
  throw new InvalidRequestError(
    `invalid provider_options.openai.${key}: ${issue.message}`,
    param(key),
  );
}
