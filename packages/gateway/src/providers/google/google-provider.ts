import { NotFoundError } from '@vgw/spec';
import type { ProviderDefinition } from '../provider-definition.js';
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
  credentialVariables: [googleApiKeyVariable],
  defaultBaseURL: googleDefaultBaseURL,
  models: googleModelIds.map((modelId) => ({
    modelId,
    capabilities: googleCapabilities[modelId],
  })),
  isConfigured: (settings) => settings.apiKey != null && settings.apiKey !== '',
  createModel(modelId, settings) {
    if (!isGoogleModelId(modelId)) {
      throw new NotFoundError(
        `the google provider has no model "${modelId}"; known: ${googleModelIds.join(', ')}`,
        'model',
      );
    }
    return new GoogleVideoModel(modelId, googleCapabilities[modelId], settings);
  },
};
