import { InvalidRequestError, type JSONObject } from '@vgw/spec';
import { z } from 'zod';

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
const param = (key: string): string =>
  key === '' ? 'provider_options.fal' : `provider_options.fal.${key}`;

/** Validates `provider_options.fal`; the error names the offending key. */
export function parseFalOptions(providerOptions: JSONObject): FalOptions {
  const parsed = falOptionsSchema.safeParse(providerOptions);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue == null) throw new InvalidRequestError('invalid provider_options.fal', param(''));
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    throw new InvalidRequestError(
      `unknown option "${key}" in provider_options.fal; allowed: ${allowed}`,
      param(key),
      'unknown_parameter',
    );
  }
  const key = issue.path.map(String).join('.');
  throw new InvalidRequestError(
    `invalid provider_options.fal.${key}: ${issue.message}`,
    param(key),
  );
}
