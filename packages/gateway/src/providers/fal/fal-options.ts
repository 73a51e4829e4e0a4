import type { JSONObject } from '@vgw/spec';
import { z } from 'zod';
import { providerOptionsError } from '../../provider-http/provider-options-error.js';

/** `provider_options.fal`: fal and model fields the OpenAI-style request has no place for. */
export const falOptionsSchema = z.strictObject({
  /** What the model should avoid (Pika's `negative_prompt`). */
  negative_prompt: z.string().max(2000).optional(),
  /** fal POSTs the result here when the request finishes (`?fal_webhook=`, §8.4). */
  webhook_url: z.url({ protocol: /^https$/ }).optional(),
  /** Extra input fields for the endpoint (e.g. `{"duration": "6"}` for a generic endpoint). */
  input: z.record(z.string(), z.json()).optional(),
});

export type FalOptions = z.infer<typeof falOptionsSchema>;

const allowed = Object.keys(falOptionsSchema.shape).join(', ');

/** Validates `provider_options.fal`; the error names the offending key. */
export function parseFalOptions(providerOptions: JSONObject): FalOptions {
  const parsed = falOptionsSchema.safeParse(providerOptions);
  if (parsed.success) return parsed.data;
  throw providerOptionsError('fal', parsed.error, { allowed });
}
