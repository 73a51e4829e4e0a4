import type { JSONObject } from '@vgw/spec';
import { z } from 'zod';
import { providerOptionsError } from '../../provider-http/provider-options-error.js';

/** `provider_options.google`: the Gemini API's optional Veo parameters, named as on the wire. */
export const googleOptionsSchema = z.strictObject({
  /** What the video should not contain. */
  negativePrompt: z.string().min(1).max(4000).optional(),
  /** Whether people may appear; the API's own default applies when absent. */
  personGeneration: z.enum(['dont_allow', 'allow_adult', 'allow_all']).optional(),
});

export type GoogleOptions = z.infer<typeof googleOptionsSchema>;

/** Validates the Veo options; the error names the offending key. */
export function parseGoogleOptions(providerOptions: JSONObject): GoogleOptions {
  const parsed = googleOptionsSchema.safeParse(providerOptions);
  if (parsed.success) return parsed.data;
  throw providerOptionsError('google', parsed.error, {
    allowed: 'negativePrompt, personGeneration',
  });
}
