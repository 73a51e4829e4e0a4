import type { VideoCapabilities, VideoModelV1 } from '@vgw/spec';
import type { FetchFunction } from '../provider-utils/provider-http.js';
import type { ProviderLogger } from '../provider-utils/provider-logger.js';

/** What the gateway hands an adapter: credentials and every I/O dependency, injected. */
export interface ProviderSettings {
  /** The API key (or the provider's equivalent); null when not configured. */
  apiKey: string | null;
  /** A second secret where the provider needs one (Kling's secret key); else null. */
  secret: string | null;
  /** Overrides the provider's public base URL (an emulator, a proxy, another vgw). */
  baseURL: string | null;
  fetch: FetchFunction;
  now: () => number;
  logger: ProviderLogger;
  /** Provider-specific settings from config (e.g. ComfyUI's workflow template), validated by the adapter. */
  options: Record<string, unknown>;
  /** Total time after which a render fails with upstream_timeout and is cancelled upstream. */
  maxRenderMs: number;
  /**
   * Where this provider may POST completion callbacks (`<publicBaseURL>/v1/webhooks/<provider>`),
   * or null when the gateway has no public URL configured; adapters then rely on polling alone.
   */
  webhookURL?: string | null;
}

export interface DeclaredModel {
  modelId: string;
  capabilities: VideoCapabilities;
}

/** One adapter, as data the registry can list and configure. */
export interface ProviderDefinition {
  id: string;
  displayName: string;
  /** Environment variables holding the credentials, in the order apiKey, secret. */
  credentialVariables: string[];
  defaultBaseURL: string;
  models: DeclaredModel[];
  /** Models that depend on settings (fal endpoints, Replicate models from config); default `models`. */
  listModels?(settings: ProviderSettings): DeclaredModel[];
  /** Whether the settings are enough to call the provider (a key, or a base URL for ComfyUI). */
  isConfigured(settings: ProviderSettings): boolean;
  createModel(modelId: string, settings: ProviderSettings): VideoModelV1;
}
