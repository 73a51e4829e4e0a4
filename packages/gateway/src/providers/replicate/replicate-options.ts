import { InvalidRequestError, type JSONObject } from '@vgw/spec';
import { z } from 'zod';

/** `provider_options.replicate`: strict, so a misspelt key is a 400 rather than silently ignored. */
export const replicateOptionsSchema = z.strictObject({
  /**
   * Extra model inputs (e.g. negative_prompt, prompt_optimizer), passed through as they are.
   * The gateway's own fields (prompt, duration, size, seed, image) win over these.
   */
  input: z.record(z.string(), z.json()).optional(),
});

export interface ReplicateOptions {
  input: JSONObject;
}

const param = (key: string): string =>
  key === '' ? 'provider_options.replicate' : `provider_options.replicate.${key}`;

/** Validates Replicate's options; the error names the offending key. */
export function parseReplicateOptions(providerOptions: JSONObject): ReplicateOptions {
  const parsed = replicateOptionsSchema.safeParse(providerOptions);
  if (parsed.success) return { input: (parsed.data.input ?? {}) as JSONObject };
  const issue = parsed.error.issues[0];
  if (issue == null) throw new InvalidRequestError('invalid provider_options.replicate', param(''));
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    throw new InvalidRequestError(
      `unknown option "${key}" in provider_options.replicate; allowed: input`,
      param(key),
      'unknown_parameter',
    );
  }
  const key = issue.path.map(String).join('.');
  throw new InvalidRequestError(
    `invalid provider_options.replicate.${key}: ${issue.message}`,
    param(key),
  );
}
