import { NotFoundError } from '@vgw/spec';
import { hasApiKey } from '../declared-models.js';
import type {
  DeclaredModel,
  ProviderDefinition,
  ProviderSettings,
} from '../provider-definition.js';
import { failureBilling } from '../failure-billing.js';
import {
  falApiKeyVariable,
  falDefaultBaseURL,
  falProviderName,
  pikaCapabilitiesById,
  pikaEndpointIds,
} from './fal-models.js';
import { falEndpoints } from './fal-settings.js';
import { FalVideoModel } from './fal-video-model.js';

/**
 * Every model this provider serves with these settings: Pika's endpoints plus the endpoints in
 * `options.endpoints` (`models` holds only the fixed Pika pair).
 */
export function falModelsFor(settings: Pick<ProviderSettings, 'options'>): DeclaredModel[] {
  return falEndpoints(settings.options).map((endpoint) => ({
    modelId: endpoint.id,
    capabilities: endpoint.capabilities,
  }));
}

/** fal.ai's queue API (providers.md §8), serving Pika (§3) and any configured endpoint; key in FAL_KEY. */
export const falProvider: ProviderDefinition = {
  id: falProviderName,
  displayName: 'fal.ai',
  environment: [{ setting: 'apiKey', variable: falApiKeyVariable, required: true }],
  billing: failureBilling({}),
  defaultBaseURL: falDefaultBaseURL,
  models: pikaEndpointIds.map((modelId) => ({
    modelId,
    capabilities: pikaCapabilitiesById[modelId],
  })),
  listModels: falModelsFor,
  isConfigured: hasApiKey,
  createModel(modelId, settings) {
    const endpoints = falEndpoints(settings.options);
    const endpoint = endpoints.find((candidate) => candidate.id === modelId);
    if (endpoint == null) {
      throw new NotFoundError(
        `fal has no configured endpoint "${modelId}"; add it to providers.fal.options.endpoints ` +
          `(known: ${endpoints.map((each) => each.id).join(', ')})`,
        'model',
      );
    }
    return new FalVideoModel(endpoint, settings);
  },
};
