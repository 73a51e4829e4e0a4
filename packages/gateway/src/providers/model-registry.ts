import { InvalidRequestError, type VideoCapabilities, type VideoModelV1 } from '@vgw/spec';

export interface ModelEntry {
  /** Canonical name: `provider/model`, or just `provider` when the two are the same. */
  id: string;
  provider: string;
  modelId: string;
  capabilities: VideoCapabilities;
  configured: boolean;
  /** Null for a model the gateway knows but has no credentials for. */
  model: VideoModelV1 | null;
  /** What to set to configure it (env vars), for listings and errors. */
  credentialVariables: string[];
}

export type ConfiguredModelEntry = ModelEntry & { configured: true; model: VideoModelV1 };

/** A model known from an adapter's declared list, without credentials. */
export interface UnconfiguredModel {
  provider: string;
  modelId: string;
  capabilities: VideoCapabilities;
  credentialVariables: string[];
}

/**
 * Every model this gateway knows, configured or not, by canonical `provider/model` name: what a
 * request's `model` resolves through. The provider catalog (assembly/) says which providers exist;
 * this says which of their models a request may name.
 */
export interface ModelRegistry {
  readonly defaultModel: string;
  /** Finds the model a request names (or the default); a 400 naming `model` otherwise. */
  resolve(name: string | null): ConfiguredModelEntry;
  list(): ModelEntry[];
}

export function canonicalModelName(provider: string, modelId: string): string {
  return provider === modelId ? provider : `${provider}/${modelId}`;
}

function entriesOf(models: VideoModelV1[], unconfigured: UnconfiguredModel[]): ModelEntry[] {
  const configured: ModelEntry[] = models.map((model) => ({
    id: canonicalModelName(model.provider, model.modelId),
    provider: model.provider,
    modelId: model.modelId,
    capabilities: model.capabilities,
    configured: true,
    model,
    credentialVariables: [],
  }));
  const known = new Set(configured.map((entry) => entry.id));
  const declared: ModelEntry[] = unconfigured
    .map((model) => ({
      ...model,
      id: canonicalModelName(model.provider, model.modelId),
      configured: false,
      model: null,
    }))
    .filter((entry) => !known.has(entry.id));
  return [...configured, ...declared];
}

export function createModelRegistry(
  models: VideoModelV1[],
  defaultModel: string,
  unconfigured: UnconfiguredModel[] = [],
): ModelRegistry {
  const entries = entriesOf(models, unconfigured);

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
        const known = entries.filter((each) => each.configured).map((each) => each.id);
        throw new InvalidRequestError(
          `unknown model "${requested}"; configured models: ${known.join(', ') || '(none)'}`,
          'model',
          'model_not_found',
        );
      }
      if (!entry.configured || entry.model == null) {
        throw new InvalidRequestError(
          `model "${entry.id}" is not configured: set ${entry.credentialVariables.join(' and ') || 'its credentials'}`,
          'model',
          'model_not_configured',
        );
      }
      return entry as ConfiguredModelEntry;
    },
    list: () => [...entries],
  };
}
