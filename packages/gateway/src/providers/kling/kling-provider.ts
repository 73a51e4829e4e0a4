import { declaredModels, hasApiKey, unknownModel } from '../declared-models.js';
import type { ProviderDefinition } from '../provider-definition.js';
import { failureBilling } from '../failure-billing.js';
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
  environment: [
    { setting: 'apiKey', variable: 'KLING_ACCESS_KEY', required: true },
    { setting: 'secret', variable: 'KLING_SECRET_KEY', required: true },
  ],
  // Kling's billing docs: failed tasks are not charged (units are deducted on success).
  billing: failureBilling({
    input_moderated: 'not_billed',
    output_moderated: 'not_billed',
    render_failed: 'not_billed',
  }),
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
