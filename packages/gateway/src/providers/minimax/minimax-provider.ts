import { NotFoundError } from '@vgw/spec';
import type { ProviderDefinition } from '../provider-definition.js';
import { minimaxDefaultBaseURL } from './minimax-client.js';
import { minimaxKeyVariable } from './minimax-error.js';
import {
  isMinimaxModelId,
  minimaxCapabilities,
  minimaxModelIds,
  minimaxProviderName,
} from './minimax-models.js';
import { MinimaxVideoModel } from './minimax-video-model.js';

/** MiniMax (Hailuo): a Bearer MINIMAX_API_KEY on api.minimax.io (api.minimaxi.com in China). */
export const minimaxProvider: ProviderDefinition = {
  id: minimaxProviderName,
  displayName: 'MiniMax Hailuo',
  credentialVariables: [minimaxKeyVariable],
  defaultBaseURL: minimaxDefaultBaseURL,
  models: minimaxModelIds.map((modelId) => ({
    modelId,
    capabilities: minimaxCapabilities[modelId],
  })),
  isConfigured: (settings) => settings.apiKey != null && settings.apiKey !== '',
  createModel(modelId, settings) {
    if (!isMinimaxModelId(modelId)) {
      throw new NotFoundError(`the minimax provider has no model "${modelId}"`, 'model');
    }
    return new MinimaxVideoModel(modelId, minimaxCapabilities[modelId], settings);
  },
};
