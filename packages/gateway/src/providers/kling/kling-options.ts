import { InvalidRequestError, type JSONObject } from '@vgw/spec';
import { z } from 'zod';
import {
  providerOptionsError,
  providerOptionsParam,
} from '../../provider-http/provider-options-error.js';
import type { KlingModelId } from './kling-models.js';

const cameraConfig = z.strictObject({
  horizontal: z.number().min(-10).max(10).optional(),
  vertical: z.number().min(-10).max(10).optional(),
  pan: z.number().min(-10).max(10).optional(),
  tilt: z.number().min(-10).max(10).optional(),
  roll: z.number().min(-10).max(10).optional(),
  zoom: z.number().min(-10).max(10).optional(),
});

/** `provider_options.kling`, named as on Kling's wire; strict so a typo is a 400, not ignored. */
export const klingOptionsSchema = z.strictObject({
  negative_prompt: z.string().max(2500).optional(),
  camera_control: z
    .strictObject({
      type: z.enum([
        'simple',
        'down_back',
        'forward_up',
        'right_turn_forward',
        'left_turn_forward',
      ]),
      config: cameraConfig.optional(),
    })
    .optional(),
  /** Native audio, v2.6 only; on by default there (the listed price includes it). */
  sound: z.enum(['on', 'off']).optional(),
});

export type KlingOptions = z.infer<typeof klingOptionsSchema>;

const allowed = Object.keys(klingOptionsSchema.shape).join(', ');

/** Validates Kling's options for one model; the error names the offending key. */
export function parseKlingOptions(
  providerOptions: JSONObject,
  modelId: KlingModelId,
): KlingOptions {
  const parsed = klingOptionsSchema.safeParse(providerOptions);
  if (!parsed.success) throw providerOptionsError('kling', parsed.error, { allowed });
  if (parsed.data.sound != null && modelId !== 'kling-v2-6') {
    throw new InvalidRequestError(
      `provider_options.kling.sound needs kling-v2-6; ${modelId} renders without audio`,
      providerOptionsParam('kling', 'sound'),
    );
  }
  return parsed.data;
}
