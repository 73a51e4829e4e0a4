import { InvalidRequestError, type JSONObject } from '@vgw/spec';
import { z } from 'zod';

/** `provider_options.google`: the Gemini API's optional Veo parameters, named as on the wire. */
export const googleOptionsSchema = z.strictObject({
  /** What the video should not contain. */
  negativePrompt: z.string().min(1).max(4000).optional(),
  /** Whether people may appear; the API's own default applies when absent. */
  personGeneration: z.enum(['dont_allow', 'allow_adult', 'allow_all']).optional(),
});

export type GoogleOptions = z.infer<typeof googleOptionsSchema>;

const param = (key: string): string =>
  key === '' ? 'provider_options.google' : `provider_options.google.${key}`;

/** Validates the Veo options; the error names the offending key. */
export function parseGoogleOptions(providerOptions: JSONObject): GoogleOptions {
  const parsed = googleOptionsSchema.safeParse(providerOptions);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue == null) throw new InvalidRequestError('invalid provider_options.google', param(''));
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    throw new InvalidRequestError(
      `unknown option "${key}" in provider_options.google; allowed: negativePrompt, personGeneration`,
      param(key),
      'unknown_parameter',
    );
  }
  const key = issue.path.map(String).join('.');
  throw new InvalidRequestError(
    `invalid provider_options.google.${key}: ${issue.message}`,
    param(key),
  );
}
