import { NotFoundError } from '@vgw/spec';
import { hasApiKey } from '../declared-models.js';
import type { ProviderDefinition } from '../provider-definition.js';
import { failureBilling } from '../failure-billing.js';
import { knownReplicateModels, replicateProviderName } from './replicate-models.js';
import { replicateModelSpecs } from './replicate-settings.js';
import {
  replicateApiKeyVariable,
  replicateDefaultBaseURL,
  ReplicateVideoModel,
} from './replicate-video-model.js';

/**
 * Replicate: any `owner/name[:version]` listed in settings.options.models, plus a few known
 * video models. Gateway names are `replicate/owner/name`.
 */
export const replicateProvider: ProviderDefinition = {
  id: replicateProviderName,
  displayName: 'Replicate',
  environment: [{ setting: 'apiKey', variable: replicateApiKeyVariable, required: true }],
  billing: failureBilling({}),
  defaultBaseURL: replicateDefaultBaseURL,
  models: knownReplicateModels.map((spec) => ({
    modelId: spec.modelId,
    capabilities: spec.capabilities,
  })),
  listModels: (settings) =>
    replicateModelSpecs(settings.options).map((spec) => ({
      modelId: spec.modelId,
      capabilities: spec.capabilities,
    })),
  isConfigured: hasApiKey,
  createModel(modelId, settings) {
    const spec = replicateModelSpecs(settings.options).find((each) => each.modelId === modelId);
    if (spec == null) {
      throw new NotFoundError(
        `replicate has no model "${modelId}"; add it to settings.options.models`,
        'model',
      );
    }
    return new ReplicateVideoModel(spec, settings);
  },
};
