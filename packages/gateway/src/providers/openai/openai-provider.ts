import { declaredModels, hasApiKey, unknownModel } from '../declared-models.js';
import type { ProviderDefinition } from '../provider-definition.js';
import { failureBilling } from '../failure-billing.js';
import {
  isOpenaiModelId,
  openaiCapabilities,
  openaiModelIds,
  openaiProviderName,
} from './openai-models.js';
import {
  openaiApiKeyVariable,
  openaiDefaultBaseURL,
  resolveOpenaiSettings,
} from './openai-settings.js';
import { OpenaiVideoModel } from './openai-video-model.js';

/**
 * OpenAI's Videos API. OpenAI announced that Sora 2 and the Videos API shut down on 2026-09-24;
 * the adapter stays for OpenAI-compatible upstreams (another vgw, a LiteLLM proxy) reached
 * through `baseURL`.
 */
export const openaiProvider: ProviderDefinition = {
  id: openaiProviderName,
  displayName: 'OpenAI (Sora 2)',
  environment: [
    { setting: 'apiKey', variable: openaiApiKeyVariable, required: true },
    { setting: 'baseURL', variable: 'OPENAI_BASE_URL', required: false },
  ],
  // OpenAI's docs do not say what a failed or moderated Sora render costs.
  billing: failureBilling({}),
  defaultBaseURL: openaiDefaultBaseURL,
  models: declaredModels(openaiModelIds, openaiCapabilities),
  isConfigured: hasApiKey,
  createModel(modelId, settings) {
    if (!isOpenaiModelId(modelId)) {
      throw unknownModel('openai', modelId);
    }
    return new OpenaiVideoModel(
      modelId,
      openaiCapabilities[modelId],
      resolveOpenaiSettings(settings),
    );
  },
};
