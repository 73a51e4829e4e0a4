import { InvalidRequestError, type JSONObject } from '@vgw/spec';
import { z } from 'zod';
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

const param = (key: string): string =>
  key === '' ? 'provider_options.comfyui' : `provider_options.comfyui.${key}`;

/** Validates ComfyUI's options; the error names the offending key. */
export function parseComfyuiOptions(providerOptions: JSONObject): ComfyuiOptions {
  const parsed = comfyuiOptionsSchema.safeParse(providerOptions);
  if (parsed.success) return { placeholders: parsed.data.placeholders ?? {} };
  const issue = parsed.error.issues[0];
  if (issue == null) throw new InvalidRequestError('invalid provider_options.comfyui', param(''));
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    throw new InvalidRequestError(
      `unknown option "${key}" in provider_options.comfyui; allowed: placeholders`,
      param(key),
      'unknown_parameter',
    );
  }
  const key = issue.path.map(String).join('.');
  throw new InvalidRequestError(
    `invalid provider_options.comfyui.${key}: ${issue.message}`,
    param(key),
  );
}
