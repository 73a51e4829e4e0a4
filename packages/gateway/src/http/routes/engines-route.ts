import type { Context } from 'hono';
import type { ModelRegistry } from '../../providers/model-registry.js';

/** Discovery of what is configured: each model with its capabilities and price, as data. */
export function listEngines(registry: ModelRegistry, context: Context): Response {
  const data = registry.list().map((entry) => ({
    id: entry.id,
    object: 'engine',
    provider: entry.provider,
    model: entry.modelId,
    configured: entry.configured,
    default: entry.id === registry.defaultModel,
    capabilities: entry.capabilities,
    ...(entry.configured ? {} : { configure_with: entry.credentialVariables }),
  }));
  return context.json({ object: 'list', data });
}
