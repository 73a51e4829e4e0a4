import { declaredModels, hasApiKey, unknownModel } from '../declared-models.js';
import type { ProviderDefinition } from '../provider-definition.js';
import { klingCredentialVariables } from './kling-error.js';
import {
  isKlingModelId,
  klingCapabilities,
  klingModelIds,
  klingProviderName,
} from './kling-models.js';
import { KlingVideoModel, klingDefaultBaseURL } from './kling-video-model.js';

/** Kling AI: KLING_ACCESS_KEY + KLING_SECRET_KEY sign a JWT; an access key alone is sent as-is. */
export const klingProvider: ProviderDefinition = {
  id: klingProviderName,
  displayName: 'Kling AI',
  credentialVariables: klingCredentialVariables,
  defaultBaseURL: klingDefaultBaseURL,
  models: declaredModels(klingModelIds, klingCapabilities),
  isConfigured: hasApiKey,
  createModel(modelId, settings) {
    if (!isKlingModelId(modelId)) {
      throw unknownModel('kling', modelId);
    }
    return new KlingVideoModel(modelId, klingCapabilities[modelId], settings);
  },
};
