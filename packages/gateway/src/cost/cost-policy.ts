import type { VideoCapabilities } from '@vgw/spec';
import type { CostBasis } from '../db/video-record.js';
import { failureBilling, type FailureBilling } from '../providers/failure-billing.js';

/** An operator's price for one model (negotiated, or an internal GPU rate), in micro-USD. */
export interface ConfiguredPrice {
  microUsdPerSecond: number;
  /** Per-size prices (`WIDTHxHEIGHT`) that replace `microUsdPerSecond` for those sizes. */
  bySize: Record<string, number>;
}

export interface CostEstimate {
  /** What the render is expected to cost, integer micro-USD. */
  microUsd: number;
  microUsdPerSecond: number;
  basis: CostBasis;
}

export interface PricedRender {
  seconds: number;
  width: number;
  height: number;
}

/** What the gateway charges against budgets: prices per model and billing rules per provider. */
export interface CostPolicy {
  estimate(
    model: { id: string; capabilities: VideoCapabilities },
    render: PricedRender,
  ): CostEstimate;
  /** The provider's billing per failure class; a provider that states none is all `unknown`. */
  billingOf(provider: string): FailureBilling;
}

export interface CostPolicyOptions {
  /** By canonical model name (`runway/gen4_turbo`, `local`). */
  prices?: Record<string, ConfiguredPrice>;
  /** By provider id. */
  billing?: Record<string, FailureBilling>;
}

const unstatedBilling = failureBilling({});

/**
 * Prices are the configured ones where the operator set them, else the model's list price; a
 * size with its own price uses it. The estimate is `round(perSecond × seconds)`, the same rule
 * the benchmark leaderboard's list cost uses.
 */
export function createCostPolicy(options: CostPolicyOptions = {}): CostPolicy {
  const prices = options.prices ?? {};
  const billing = options.billing ?? {};
  return {
    estimate(model, render) {
      const size = `${render.width}x${render.height}`;
      const configured = Object.hasOwn(prices, model.id) ? prices[model.id] : undefined;
      const list = model.capabilities.price;
      const microUsdPerSecond =
        configured != null
          ? (configured.bySize[size] ?? configured.microUsdPerSecond)
          : (list.bySize?.[size] ?? list.microUsdPerSecond);
      return {
        microUsd: Math.round(microUsdPerSecond * render.seconds),
        microUsdPerSecond,
        basis: configured != null ? 'configured' : 'list_price',
      };
    },
    billingOf: (provider) =>
      (Object.hasOwn(billing, provider) ? billing[provider] : undefined) ?? unstatedBilling,
  };
}
