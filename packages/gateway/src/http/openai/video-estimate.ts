import { z } from 'zod';
import { formatUsd } from '../../cost/money.js';
import type { VideoPlan } from '../../generation/plan-video.js';
import { videoCostSchema, videoWarningSchema } from './video-wire-schema.js';

/** `POST /v1/videos/estimate`: what a create with this body would render and cost. */
export const videoEstimateSchema = z
  .object({
    object: z.literal('video.estimate'),
    model: z.string().describe("The model the create would render with (a route's chosen target)."),
    provider: z.string(),
    route: z
      .string()
      .nullable()
      .describe('The route the request named; null when it named a model.'),
    fallbacks: z
      .array(
        z.object({
          model: z.string(),
          provider: z.string(),
          estimate_usd: z.string().describe('What an attempt there would be estimated at.'),
        }),
      )
      .describe("A route's other eligible targets, in the order a fallback would try them."),
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
    route: plan.route?.name ?? null,
    fallbacks: plan.fallbacks.map((fallback) => ({
      model: fallback.entry.id,
      provider: fallback.entry.provider,
      estimate_usd: formatUsd(fallback.estimate.microUsd),
    })),
    seconds: String(parameters.seconds),
    size: `${parameters.width}x${parameters.height}`,
    cost: {
      estimate_usd: formatUsd(plan.estimate.microUsd),
      usd_per_second: formatUsd(plan.estimate.microUsdPerSecond),
      basis: plan.estimate.basis,
    },
    warnings: [...plan.routeWarnings, ...warnings],
  };
}
