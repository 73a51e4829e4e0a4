import type { Context } from 'hono';
import { readBreakers, type BreakerHealth } from '../../db/engine-breakers-repository.js';
import type { Queryable } from '../../db/queryable.js';
import type { ModelRegistry } from '../../providers/model-registry.js';

function healthOf(health: BreakerHealth | undefined) {
  return {
    state: health?.state ?? 'closed',
    consecutive_failures: health?.consecutiveFailures ?? 0,
    open_until: health?.openUntil != null ? Math.floor(health.openUntil.getTime() / 1000) : null,
  };
}

/**
 * Discovery of what is configured: each model with its capabilities and price, as data, and its
 * circuit breaker as every process on this database sees it.
 */
export async function listEngines(
  database: Queryable,
  registry: ModelRegistry,
  context: Context,
): Promise<Response> {
  const breakers = await readBreakers(database);
  const data = registry.list().map((entry) => ({
    id: entry.id,
    object: 'engine',
    provider: entry.provider,
    model: entry.modelId,
    configured: entry.configured,
    default: entry.id === registry.defaultModel,
    capabilities: entry.capabilities,
    health: healthOf(breakers.get(entry.id)),
    ...(entry.configured ? {} : { configure_with: entry.credentialVariables }),
  }));
  return context.json({ object: 'list', data });
}
