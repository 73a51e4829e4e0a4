import { join } from 'node:path';
import type { VideoModelV1 } from '@vgw/spec';
import type { Logger } from 'pino';
import type { Config } from '../config/config-schema.js';
import {
  credentialVariables,
  type ProviderDefinition,
  type ProviderSettings,
} from '../providers/provider-definition.js';
import { createLocalProvider } from '../providers/local/index.js';
import type { UnconfiguredModel } from '../providers/model-registry.js';
import { localProviderSettings } from './media-binaries.js';
import { catalogProviders } from './provider-catalog.js';

function localModels(config: Config, logger: Logger): VideoModelV1[] {
  const local = config.engines.local;
  if (!local.enabled) return [];
  const provider = createLocalProvider({
    ...localProviderSettings(config, join(config.dataDir, 'renders')),
    logger: logger.child({ provider: 'local' }),
  });
  return [provider.videoModel('local')];
}

function providerSettings(
  definition: ProviderDefinition,
  config: Config,
  logger: Logger,
): ProviderSettings {
  const section = config.providers[definition.id];
  return {
    apiKey: section?.apiKey ?? null,
    secret: section?.secret ?? null,
    baseURL: section?.baseURL ?? null,
    fetch: (input, init) => fetch(input, init),
    now: Date.now,
    logger: logger.child({ provider: definition.id }),
    options: section?.options ?? {},
    maxRenderMs: (section?.maxRenderSeconds ?? 1800) * 1000,
    webhookURL:
      config.server.publicBaseURL != null
        ? `${config.server.publicBaseURL.replace(/\/+$/, '')}/v1/webhooks/${definition.id}`
        : null,
  };
}

/** Configured models ready to call, and the declared ones still missing credentials. */
export function buildVideoModels(
  config: Config,
  logger: Logger,
  catalog: ProviderDefinition[] = catalogProviders(),
): { models: VideoModelV1[]; unconfigured: UnconfiguredModel[] } {
  const models = localModels(config, logger);
  const unconfigured: UnconfiguredModel[] = [];
  for (const definition of catalog) {
    const settings = providerSettings(definition, config, logger);
    const declared = definition.listModels?.(settings) ?? definition.models;
    const enabled = config.providers[definition.id]?.enabled !== false;
    for (const { modelId, capabilities } of declared) {
      if (enabled && definition.isConfigured(settings)) {
        models.push(definition.createModel(modelId, settings));
      } else {
        unconfigured.push({
          provider: definition.id,
          modelId,
          capabilities,
          credentialVariables: credentialVariables(definition),
        });
      }
    }
  }
  return { models, unconfigured };
}
