import { declaredModels, hasApiKey, unknownModel } from '../declared-models.js';
import type { ProviderDefinition } from '../provider-definition.js';
import { failureBilling } from '../failure-billing.js';
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
  environment: [
    { setting: 'apiKey', variable: runwayApiKeyVariable, required: true },
    { setting: 'baseURL', variable: 'RUNWAYML_BASE_URL', required: false },
  ],
  // docs.dev.runwayml.com/api-details/moderation: moderated generations are charged in full.
  billing: failureBilling({ input_moderated: 'billed', output_moderated: 'billed' }),
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
