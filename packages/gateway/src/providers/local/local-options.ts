import { InvalidRequestError, type JSONObject } from '@vgw/spec';
import { z } from 'zod';

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

const param = (key: string): string =>
  key === '' ? 'provider_options.local' : `provider_options.local.${key}`;

/** Validates the local engine's options; the error names the offending key. */
export function parseLocalOptions(providerOptions: JSONObject): LocalOptions {
  const parsed = localOptionsSchema.safeParse(providerOptions);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue == null) throw new InvalidRequestError('invalid provider_options.local', param(''));
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    throw new InvalidRequestError(
      `unknown option "${key}" in provider_options.local; allowed: scene, crf`,
      param(key),
      'unknown_parameter',
    );
  }
  const key = issue.path.map(String).join('.');
  throw new InvalidRequestError(
    `invalid provider_options.local.${key}: ${issue.message}`,
    param(key),
  );
}
