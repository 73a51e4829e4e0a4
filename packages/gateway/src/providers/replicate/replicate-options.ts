import type { JSONObject } from '@vgw/spec';
import { z } from 'zod';
import { providerOptionsError } from '../../provider-http/provider-options-error.js';

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

/** Validates Replicate's options; the error names the offending key. */
export function parseReplicateOptions(providerOptions: JSONObject): ReplicateOptions {
  const parsed = replicateOptionsSchema.safeParse(providerOptions);
  if (parsed.success) return { input: (parsed.data.input ?? {}) as JSONObject };
  throw providerOptionsError('replicate', parsed.error, { allowed: 'input' });
}
