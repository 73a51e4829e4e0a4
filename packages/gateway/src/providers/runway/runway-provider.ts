import { declaredModels, hasApiKey, unknownModel } from '../declared-models.js';
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
  models: declaredModels(runwayModelIds, runwayCapabilities),
  isConfigured: hasApiKey,
  createModel(modelId, settings) {
    if (!isRunwayModelId(modelId)) {
      throw unknownModel('runway', modelId, runwayModelIds);
    }
    return new RunwayVideoModel(modelId, runwayCapabilities[modelId], settings);
  },
};
