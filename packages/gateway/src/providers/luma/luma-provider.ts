import { NotFoundError } from '@vgw/spec';
import type { ProviderDefinition } from '../provider-definition.js';
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
  credentialVariables: [lumaApiKeyVariable],
  defaultBaseURL: lumaDefaultBaseURL,
  models: lumaModelIds.map((modelId) => ({ modelId, capabilities: lumaCapabilities[modelId] })),
  isConfigured: (settings) => settings.apiKey != null && settings.apiKey !== '',
  createModel(modelId, settings) {
    if (!isLumaModelId(modelId)) {
      throw new NotFoundError(
        `the luma provider has no model "${modelId}"; known: ${lumaModelIds.join(', ')}`,
        'model',
      );
    }
    return new LumaVideoModel(modelId, lumaCapabilities[modelId], settings);
  },
};
