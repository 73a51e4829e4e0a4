import { InvalidRequestError, type VideoCapabilities, type VideoModelV1 } from '@vgw/spec';

export interface ModelEntry {
  /** Canonical name: `provider/model`, or just `provider` when the two are the same. */
  id: string;
  provider: string;
  modelId: string;
  capabilities: VideoCapabilities;
  configured: boolean;
  model: VideoModelV1;
}

export interface ProviderRegistry {
  readonly defaultModel: string;
  /** Finds the model a request names (or the default); a 400 naming `model` otherwise. */
  resolve(name: string | null): ModelEntry;
  list(): ModelEntry[];
}

export function canonicalModelName(provider: string, modelId: string): string {
  return provider === modelId ? provider : `${provider}/${modelId}`;
}

export function createProviderRegistry(
  models: VideoModelV1[],
  defaultModel: string,
): ProviderRegistry {
  const entries: ModelEntry[] = models.map((model) => ({
    id: canonicalModelName(model.provider, model.modelId),
    provider: model.provider,
    modelId: model.modelId,
    capabilities: model.capabilities,
    configured: true,
    model,
  }));

  function find(name: string): ModelEntry | null {
    const exact = entries.find(
      (entry) => entry.id === name || `${entry.provider}/${entry.modelId}` === name,
    );
    if (exact != null) return exact;
    // A bare model name (`sora-2`) keeps working for OpenAI clients when it is unambiguous.
    const bare = entries.filter((entry) => entry.modelId === name);
    return bare.length === 1 ? (bare[0] as ModelEntry) : null;
  }

  return {
    defaultModel,
    resolve(name) {
      const requested = name ?? defaultModel;
      const entry = find(requested);
      if (entry == null) {
        const known = entries.map((each) => each.id).join(', ');
        throw new InvalidRequestError(
          `unknown model "${requested}"; configured models: ${known || '(none)'}`,
          'model',
          'model_not_found',
        );
      }
      return entry;
    },
    list: () => [...entries],
  };
}
