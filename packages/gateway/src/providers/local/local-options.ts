import type { JSONObject } from '@vgw/spec';
import { z } from 'zod';
import { providerOptionsError } from '../../provider-http/provider-options-error.js';

export const sceneNames = ['life', 'cellauto', 'mandelbrot', 'orbits'] as const;
export type SceneName = (typeof sceneNames)[number];

/** `provider_options.local`: strict, so a misspelt key is a 400 rather than silently ignored. */
export const localOptionsSchema = z.strictObject({
  /** Forces one scene kind instead of the one the prompt and seed pick. */
  scene: z.enum(sceneNames).optional(),
  /** x264 constant rate factor: lower is better quality and larger files. */
  crf: z.number().int().min(18).max(40).optional(),
});

export type LocalOptions = z.infer<typeof localOptionsSchema>;

/** Validates the local engine's options; the error names the offending key. */
export function parseLocalOptions(providerOptions: JSONObject): LocalOptions {
  const parsed = localOptionsSchema.safeParse(providerOptions);
  if (parsed.success) return parsed.data;
  throw providerOptionsError('local', parsed.error, { allowed: 'scene, crf' });
}
