import { InvalidRequestError, type JSONObject } from '@vgw/spec';
import { z } from 'zod';
import {
  providerOptionsError,
  providerOptionsParam,
} from '../../provider-http/provider-options-error.js';
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
      providerOptionsParam('runway', unsupported),
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
  throw providerOptionsError('runway', parsed.error, { allowed: allowedKeys, nestedPath: true });
}
