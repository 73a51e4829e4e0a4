import type { JSONObject } from '@vgw/spec';
import type { Config } from '../config/config-schema.js';
import { configErrorAt } from '../config/load-config.js';
import { usdToMicroUsd } from '../cost/money.js';
import type { ModelEntry, ModelRegistry } from '../providers/model-registry.js';
import { createRouteTable, type Route, type RouteTable } from '../routing/route.js';

/** Every name a request's `model` already means: canonical ids, `provider/model`, bare ids, providers. */
function takenNames(entries: ModelEntry[]): Map<string, string> {
  const taken = new Map<string, string>();
  for (const entry of entries) {
    taken.set(entry.id, `model ${entry.id}`);
    taken.set(`${entry.provider}/${entry.modelId}`, `model ${entry.id}`);
    taken.set(entry.modelId, `model ${entry.id}`);
    taken.set(entry.provider, `provider ${entry.provider}`);
  }
  return taken;
}

function findEntry(entries: ModelEntry[], name: string): ModelEntry | null {
  const exact = entries.find(
    (entry) => entry.id === name || `${entry.provider}/${entry.modelId}` === name,
  );
  if (exact != null) return exact;
  const bare = entries.filter((entry) => entry.modelId === name);
  return bare.length === 1 ? (bare[0] as ModelEntry) : null;
}

function checkTargetOptions(config: Config, key: string, entry: ModelEntry, options: JSONObject) {
  try {
    entry.model?.parseOptions?.(options);
  } catch (error) {
    throw configErrorAt(config, `${key}.providerOptions`, (error as Error).message);
  }
}

/**
 * The routes a gateway serves, checked against the models it knows: a route named like a model
 * or a provider would shadow it, and a target naming no known model would fail every request,
 * so both stop the gateway from starting. A target whose provider has no credentials is kept:
 * requests skip it with a warning until it is configured.
 */
export function routesFromConfig(config: Config, registry: ModelRegistry): RouteTable {
  const entries = registry.list();
  const taken = takenNames(entries);
  const routes: Route[] = [];
  for (const [name, route] of Object.entries(config.routes)) {
    const clash = taken.get(name);
    if (clash != null) {
      throw configErrorAt(
        config,
        `routes.${name}`,
        `the name is already ${clash}; rename the route`,
      );
    }
    if (route.qualityGate != null && !config.scoring.enabled) {
      throw configErrorAt(
        config,
        `routes.${name}.qualityGate`,
        "a quality gate waits for each video's score, and scoring.enabled is false",
      );
    }
    const targets = route.targets.map((target, index) => {
      const key = `routes.${name}.targets.${index}`;
      const entry = findEntry(entries, target.model);
      if (entry == null) {
        throw configErrorAt(
          config,
          `${key}.model`,
          `no such model "${target.model}"; known models: ${entries.map((each) => each.id).join(', ')}`,
        );
      }
      const providerOptions = target.providerOptions as JSONObject;
      checkTargetOptions(config, key, entry, providerOptions);
      return { model: entry.id, weight: target.weight ?? null, providerOptions };
    });
    routes.push({
      name,
      strategy: route.strategy,
      targets,
      fallbackOn: route.fallbackOn ?? null,
      maxMicroUsdPerSecond:
        route.maxUsdPerSecond != null ? usdToMicroUsd(route.maxUsdPerSecond) : null,
      requires: route.requires,
      qualityGate: route.qualityGate ?? null,
    });
  }
  return createRouteTable(routes);
}
