import { declaredModels, hasApiKey, unknownModel } from '../declared-models.js';
import type { ProviderDefinition } from '../provider-definition.js';
import { failureBilling } from '../failure-billing.js';
import { googleApiKeyVariable } from './google-error.js';
import {
  googleCapabilities,
  googleModelIds,
  googleProviderName,
  isGoogleModelId,
} from './google-models.js';
import { googleDefaultBaseURL, GoogleVideoModel } from './google-video-model.js';

/** Google Veo through the Gemini Developer API (Vertex AI is a different surface, not covered). */
export const googleProvider: ProviderDefinition = {
  id: googleProviderName,
  displayName: 'Google Veo (Gemini API)',
  environment: [{ setting: 'apiKey', variable: googleApiKeyVariable, required: true }],
  billing: failureBilling({}),
  defaultBaseURL: googleDefaultBaseURL,
  models: declaredModels(googleModelIds, googleCapabilities),
  isConfigured: hasApiKey,
  createModel(modelId, settings) {
    if (!isGoogleModelId(modelId)) {
      throw unknownModel('google', modelId, googleModelIds);
    }
    return new GoogleVideoModel(modelId, googleCapabilities[modelId], settings);
  },
};
