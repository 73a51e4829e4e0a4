import { declaredModels, hasApiKey, unknownModel } from '../declared-models.js';
import type { ProviderDefinition } from '../provider-definition.js';
import { failureBilling } from '../failure-billing.js';
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
  environment: [{ setting: 'apiKey', variable: minimaxKeyVariable, required: true }],
  billing: failureBilling({}),
  defaultBaseURL: minimaxDefaultBaseURL,
  models: declaredModels(minimaxModelIds, minimaxCapabilities),
  isConfigured: hasApiKey,
  createModel(modelId, settings) {
    if (!isMinimaxModelId(modelId)) {
      throw unknownModel('minimax', modelId);
    }
    return new MinimaxVideoModel(modelId, minimaxCapabilities[modelId], settings);
  },
};
