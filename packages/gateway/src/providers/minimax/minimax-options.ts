import { InvalidRequestError, type JSONObject } from '@vgw/spec';
import { z } from 'zod';

/** `provider_options.minimax` for Hailuo (v1), named as on MiniMax's wire. */
export const minimaxV1OptionsSchema = z.strictObject({
  /** MiniMax rewrites the prompt unless this is false (its default is true). */
  prompt_optimizer: z.boolean().optional(),
});

/** `provider_options.minimax` for MiniMax-H3 (v2). */
export const minimaxV2OptionsSchema = z.strictObject({
  aigc_watermark: z.boolean().optional(),
});

export type MinimaxV1Options = z.infer<typeof minimaxV1OptionsSchema>;
export type MinimaxV2Options = z.infer<typeof minimaxV2OptionsSchema>;

const param = (key: string): string =>
  key === '' ? 'provider_options.minimax' : `provider_options.minimax.${key}`;

/** Validates against the model's API version; a misspelt or foreign key is a 400 naming it. */
export function parseMinimaxOptions<Schema extends z.ZodObject>(
  schema: Schema,
  providerOptions: JSONObject,
): z.infer<Schema> {
  const parsed = schema.safeParse(providerOptions);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const allowed = Object.keys(schema.shape).join(', ');
    throw new InvalidRequestError(
      `unknown option "${key}" in provider_options.minimax for this model; allowed: ${allowed}`,
      param(key),
      'unknown_parameter',
    );
  }
  const key = issue?.path.map(String).join('.') ?? '';
  throw new InvalidRequestError(
    `invalid provider_options.minimax.${key}: ${issue?.message ?? 'invalid value'}`,
    param(key),
  );
}
