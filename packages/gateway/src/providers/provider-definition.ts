import type { VideoCapabilities, VideoModelV1 } from '@vgw/spec';
import type { FailureBilling } from './failure-billing.js';
import type { FetchFunction } from '../provider-http/provider-http.js';
import type { ProviderLogger } from '../provider-http/provider-logger.js';

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

/** An environment variable that sets `providers.<id>.<setting>` in the config. */
export interface ProviderVariable {
  setting: 'apiKey' | 'secret' | 'baseURL';
  variable: string;
  /** The provider is unusable without it: `vgw engines` and model errors say to set it. */
  required: boolean;
}

/**
 * One adapter, whole: everything the rest of the gateway needs to list, configure, call and bill
 * it. The composition root's catalog pairs it with its emulator; nothing else names a provider.
 */
export interface ProviderDefinition {
  /** The `provider` half of `provider/model`, the `providers.<id>` config key and webhook path. */
  id: string;
  displayName: string;
  /** The variables config reads for this provider (handed to config by the composition root). */
  environment: readonly ProviderVariable[];
  defaultBaseURL: string;
  /** What the provider charges for each way a render fails (data for routing and cost). */
  billing: FailureBilling;
  models: DeclaredModel[];
  /** Models that depend on settings (fal endpoints, Replicate models from config); default `models`. */
  listModels?(settings: ProviderSettings): DeclaredModel[];
  /** Whether the settings are enough to call the provider (a key, or a base URL for ComfyUI). */
  isConfigured(settings: ProviderSettings): boolean;
  createModel(modelId: string, settings: ProviderSettings): VideoModelV1;
}

/** The variables that must be set before the provider can be called, in declaration order. */
export function credentialVariables(definition: ProviderDefinition): string[] {
  return definition.environment.filter((each) => each.required).map((each) => each.variable);
}
