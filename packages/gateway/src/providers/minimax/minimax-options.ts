import type { JSONObject } from '@vgw/spec';
import { z } from 'zod';
import { providerOptionsError } from '../../provider-http/provider-options-error.js';

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

/** Validates against the model's API version; a misspelt or foreign key is a 400 naming it. */
export function parseMinimaxOptions<Schema extends z.ZodObject>(
  schema: Schema,
  providerOptions: JSONObject,
): z.infer<Schema> {
  const parsed = schema.safeParse(providerOptions);
  if (parsed.success) return parsed.data;
  throw providerOptionsError('minimax', parsed.error, {
    allowed: Object.keys(schema.shape).join(', '),
    scope: 'for this model',
  });
}
