import type {
  JSONValue,
  VideoCallOptions,
  VideoCapabilities,
  VideoModelV1,
  VideoStartResult,
  VideoStatusResult,
} from '@vgw/spec';
import type { ProviderSettings } from './provider-definition.js';

/**
 * The part of an adapter class that does not depend on the provider, so that each adapter file
 * holds only what its API does: `provider`, `doStart`, `doStatus`, and `doCancel` / `doCleanup` /
 * `parseWebhook` where the API has them.
 */
export abstract class ProviderVideoModel<
  ModelId extends string = string,
  Settings = ProviderSettings,
> implements VideoModelV1
{
  readonly specificationVersion = 'v1' as const;
  abstract readonly provider: string;

  constructor(
    readonly modelId: ModelId,
    readonly capabilities: VideoCapabilities,
    protected readonly settings: Settings,
  ) {}

  abstract doStart(options: VideoCallOptions): Promise<VideoStartResult>;
  abstract doStatus(args: { operation: JSONValue }): Promise<VideoStatusResult>;
}
