import { InvalidRequestError, type JSONObject } from '@vgw/spec';
import { z } from 'zod';

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
const param = (key: string): string =>
  key === '' ? 'provider_options.luma' : `provider_options.luma.${key}`;

/** Validates `provider_options.luma`; the error names the offending key. */
export function parseLumaOptions(providerOptions: JSONObject): LumaOptions {
  const parsed = lumaOptionsSchema.safeParse(providerOptions);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue == null) throw new InvalidRequestError('invalid provider_options.luma', param(''));
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    throw new InvalidRequestError(
      `unknown option "${key}" in provider_options.luma; allowed: ${allowed}`,
      param(key),
      'unknown_parameter',
    );
  }
  const key = issue.path.map(String).join('.');
  throw new InvalidRequestError(
    `invalid provider_options.luma.${key}: ${issue.message}`,
    param(key),
  );
}
