import { declaredModels, hasApiKey, unknownModel } from '../declared-models.js';
import type { ProviderDefinition } from '../provider-definition.js';
import { failureBilling } from '../failure-billing.js';
import {
  isLumaModelId,
  lumaApiKeyVariable,
  lumaCapabilities,
  lumaDefaultBaseURL,
  lumaModelIds,
  lumaProviderName,
} from './luma-models.js';
import { LumaVideoModel } from './luma-video-model.js';

/** Luma Dream Machine API (providers.md §4), key in LUMAAI_API_KEY. */
export const lumaProvider: ProviderDefinition = {
  id: lumaProviderName,
  displayName: 'Luma Dream Machine',
  environment: [{ setting: 'apiKey', variable: lumaApiKeyVariable, required: true }],
  billing: failureBilling({}),
  defaultBaseURL: lumaDefaultBaseURL,
  models: declaredModels(lumaModelIds, lumaCapabilities),
  isConfigured: hasApiKey,
  createModel(modelId, settings) {
    if (!isLumaModelId(modelId)) {
      throw unknownModel('luma', modelId, lumaModelIds);
    }
    return new LumaVideoModel(modelId, lumaCapabilities[modelId], settings);
  },
};
