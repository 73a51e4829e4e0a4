import { NotFoundError, type VideoCapabilities } from '@vgw/spec';
import type { DeclaredModel, ProviderSettings } from './provider-definition.js';

/** The models of a provider whose ids are a fixed list, each with its row of capabilities. */
export function declaredModels<ModelId extends string>(
  modelIds: readonly ModelId[],
  capabilities: Record<ModelId, VideoCapabilities>,
): DeclaredModel[] {
  return modelIds.map((modelId) => ({ modelId, capabilities: capabilities[modelId] }));
}

/** The `isConfigured` of a provider that needs only a key: an empty variable counts as unset. */
export function hasApiKey(settings: ProviderSettings): boolean {
  return settings.apiKey != null && settings.apiKey !== '';
}

/** A model the provider does not declare: 404 on `model`, listing the known ids when given. */
export function unknownModel(
  provider: string,
  modelId: string,
  known?: readonly string[],
): NotFoundError {
  const list = known != null ? `; known: ${known.join(', ')}` : '';
  return new NotFoundError(`the ${provider} provider has no model "${modelId}"${list}`, 'model');
}
