import { z } from 'zod';
import { formatUsd } from '../../cost/money.js';
import type { VideoPlan } from '../../generation/create-video.js';
import { videoCostSchema, videoWarningSchema } from './video-wire-schema.js';

/** `POST /v1/videos/estimate`: what a create with this body would render and cost. */
export const videoEstimateSchema = z
  .object({
    object: z.literal('video.estimate'),
    model: z.string().describe('The model the create would render with.'),
    provider: z.string(),
    seconds: z.string().describe('The duration it would render, after any coercion.'),
    size: z.string(),
    cost: videoCostSchema
      .pick({ estimate_usd: true, basis: true })
      .extend({ usd_per_second: z.string().describe('The price the estimate used.') }),
    warnings: z.array(videoWarningSchema),
  })
  .describe('vgw extension: a create, priced and checked, with nothing written or rendered.');

export type VideoEstimateObject = z.infer<typeof videoEstimateSchema>;

export function toVideoEstimateObject(plan: VideoPlan): VideoEstimateObject {
  const { parameters, warnings } = plan.checked;
  return {
    object: 'video.estimate',
    model: plan.entry.id,
    provider: plan.entry.provider,
    seconds: String(parameters.seconds),
    size: `${parameters.width}x${parameters.height}`,
    cost: {
      estimate_usd: formatUsd(plan.estimate.microUsd),
      usd_per_second: formatUsd(plan.estimate.microUsdPerSecond),
      basis: plan.estimate.basis,
    },
    warnings,
  };
}
