import type { Config } from '../config/config-schema.js';
import { configErrorAt } from '../config/load-config.js';
import { createCostPolicy, type ConfiguredPrice, type CostPolicy } from '../cost/cost-policy.js';
import { usdToMicroUsd } from '../cost/money.js';
import type { FailureBilling } from '../providers/failure-billing.js';
import type { ModelRegistry } from '../providers/model-registry.js';
import { catalogProviders } from './provider-catalog.js';

/**
 * The cost policy a gateway runs with: `prices` from config over the models' list prices, and
 * each catalogued provider's billing rules. A price for a model this gateway does not know is a
 * configuration error, not a silently ignored line.
 */
export function costPolicyFromConfig(config: Config, registry: ModelRegistry): CostPolicy {
  const known = new Set(registry.list().map((entry) => entry.id));
  const prices: Record<string, ConfiguredPrice> = {};
  for (const [model, price] of Object.entries(config.prices)) {
    if (!known.has(model)) {
      throw configErrorAt(
        config,
        `prices.${model}`,
        `no such model; known models: ${[...known].join(', ')}`,
      );
    }
    const bySize: Record<string, number> = {};
    for (const [size, usd] of Object.entries(price.bySize)) bySize[size] = usdToMicroUsd(usd);
    prices[model] = { microUsdPerSecond: usdToMicroUsd(price.usdPerSecond), bySize };
  }
  const billing: Record<string, FailureBilling> = {};
  for (const provider of catalogProviders()) billing[provider.id] = provider.billing;
  return createCostPolicy({ prices, billing });
}
