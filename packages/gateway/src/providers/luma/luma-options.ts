import type { JSONObject } from '@vgw/spec';
import { z } from 'zod';
import { providerOptionsError } from '../../provider-http/provider-options-error.js';

/** `provider_options.luma`: Luma's own create fields that have no OpenAI-style equivalent. */
export const lumaOptionsSchema = z.strictObject({
  /** Blend the end of the video into its beginning. */
  loop: z.boolean().optional(),
  /** Camera concepts by key, e.g. `dolly_zoom` (list: GET /generations/concepts/list). */
  concepts: z.array(z.string().min(1)).max(10).optional(),
  /** Luma POSTs the Generation object here on `dreaming`, `completed` and `failed` (§4.4). */
  callback_url: z.url({ protocol: /^https$/ }).optional(),
});

export type LumaOptions = z.infer<typeof lumaOptionsSchema>;

const allowed = Object.keys(lumaOptionsSchema.shape).join(', ');

/** Validates `provider_options.luma`; the error names the offending key. */
export function parseLumaOptions(providerOptions: JSONObject): LumaOptions {
  const parsed = lumaOptionsSchema.safeParse(providerOptions);
  if (parsed.success) return parsed.data;
  throw providerOptionsError('luma', parsed.error, { allowed });
}
