import { NotFoundError } from '@vgw/spec';
import type { ProviderDefinition } from '../provider-definition.js';
import {
  isRunwayModelId,
  runwayCapabilities,
  runwayModelIds,
  runwayProviderName,
} from './runway-models.js';
import {
  RunwayVideoModel,
  runwayApiKeyVariable,
  runwayDefaultBaseURL,
} from './runway-video-model.js';

/** Runway's developer API (api.dev.runwayml.com): gen4 models and Google's Veo 3.1 through it. */
export const runwayProvider: ProviderDefinition = {
  id: runwayProviderName,
  displayName: 'Runway',
  credentialVariables: [runwayApiKeyVariable],
  defaultBaseURL: runwayDefaultBaseURL,
  models: runwayModelIds.map((modelId) => ({
    modelId,
    capabilities: runwayCapabilities[modelId],
  })),
  isConfigured: (settings) => settings.apiKey != null && settings.apiKey !== '',
  createModel(modelId, settings) {
    if (!isRunwayModelId(modelId)) {
      throw new NotFoundError(
        `the runway provider has no model "${modelId}"; known: ${runwayModelIds.join(', ')}`,
        'model',
      );
    }
    return new RunwayVideoModel(modelId, runwayCapabilities[modelId], settings);
  },
};
