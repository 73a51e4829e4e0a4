import type { JSONObject } from '@vgw/spec';
import { z } from 'zod';
import { providerOptionsError } from '../../provider-http/provider-options-error.js';
import { builtInPlaceholders } from './comfyui-workflow.js';

const customName = z
  .string()
  .regex(/^[A-Za-z_][\w-]*$/)
  .refine(
    (name) => !(builtInPlaceholders as readonly string[]).includes(name),
    'built-in placeholders come from the request itself',
  );

/** `provider_options.comfyui`: strict, so a misspelt key is a 400 rather than silently ignored. */
export const comfyuiOptionsSchema = z.strictObject({
  /** Values for the workflow's custom placeholders, e.g. { "steps": 30 } for {{steps}}. */
  placeholders: z.record(customName, z.union([z.string(), z.number(), z.boolean()])).optional(),
});

export interface ComfyuiOptions {
  placeholders: Record<string, string | number | boolean>;
}

/** Validates ComfyUI's options; the error names the offending key. */
export function parseComfyuiOptions(providerOptions: JSONObject): ComfyuiOptions {
  const parsed = comfyuiOptionsSchema.safeParse(providerOptions);
  if (parsed.success) return { placeholders: parsed.data.placeholders ?? {} };
  throw providerOptionsError('comfyui', parsed.error, { allowed: 'placeholders' });
}
