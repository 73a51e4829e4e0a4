import { NotFoundError } from '@vgw/spec';
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
  models: klingModelIds.map((modelId) => ({ modelId, capabilities: klingCapabilities[modelId] })),
  isConfigured: (settings) => settings.apiKey != null && settings.apiKey !== '',
  createModel(modelId, settings) {
    if (!isKlingModelId(modelId)) {
      throw new NotFoundError(`the kling provider has no model "${modelId}"`, 'model');
    }
    return new KlingVideoModel(modelId, klingCapabilities[modelId], settings);
  },
};
