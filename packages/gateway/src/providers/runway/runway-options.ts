import { InvalidRequestError, type JSONObject } from '@vgw/spec';
import { z } from 'zod';
import { isVeoModel, type RunwayModelId } from './runway-models.js';

/** `provider_options.runway`: strict, so a misspelt key is a 400 rather than silently ignored. */
export const runwayOptionsSchema = z.strictObject({
  /** gen4 models: `low` relaxes moderation of recognisable public figures. */
  contentModeration: z
    .strictObject({ publicFigureThreshold: z.enum(['auto', 'low']).optional() })
    .optional(),
  /** Veo models: whether to generate sound (Runway prices audio higher). */
  audio: z.boolean().optional(),
  /** Veo models: what should not appear. */
  negativePrompt: z.string().min(1).max(1000).optional(),
});

export type RunwayOptions = z.infer<typeof runwayOptionsSchema>;

const allowedKeys = 'contentModeration, audio, negativePrompt';

const param = (key: string): string =>
  key === '' ? 'provider_options.runway' : `provider_options.runway.${key}`;

const veoOnlyKeys = ['audio', 'negativePrompt'] as const;
const gen4OnlyKeys = ['contentModeration'] as const;

function checkModelSupport(options: RunwayOptions, modelId: RunwayModelId): void {
  const foreign: readonly (keyof RunwayOptions)[] = isVeoModel(modelId)
    ? gen4OnlyKeys
    : veoOnlyKeys;
  const unsupported = foreign.find((key) => options[key] != null);
  if (unsupported != null) {
    throw new InvalidRequestError(
      `provider_options.runway.${unsupported} is not supported by ${modelId}`,
      param(unsupported),
      'unsupported_parameter',
    );
  }
}

/** Validates Runway's options for one model; the error names the offending key. */
export function parseRunwayOptions(
  providerOptions: JSONObject,
  modelId: RunwayModelId,
): RunwayOptions {
  const parsed = runwayOptionsSchema.safeParse(providerOptions);
  if (parsed.success) {
    checkModelSupport(parsed.data, modelId);
    return parsed.data;
  }
  const issue = parsed.error.issues[0];
  if (issue == null) throw new InvalidRequestError('invalid provider_options.runway', param(''));
  if (issue.code === 'unrecognized_keys') {
    const prefix = issue.path.map(String).join('.');
    const key = [prefix, issue.keys[0] ?? ''].filter((part) => part !== '').join('.');
    throw new InvalidRequestError(
      `unknown option "${key}" in provider_options.runway; allowed: ${allowedKeys}`,
      param(key),
      'unknown_parameter',
    );
  }
  const key = issue.path.map(String).join('.');
  throw new InvalidRequestError(
    `invalid provider_options.runway.${key}: ${issue.message}`,
    param(key),
  );
}
