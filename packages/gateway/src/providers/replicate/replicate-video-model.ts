import {
  type JSONObject,
  type JSONValue,
  type VideoCallOptions,
  type VideoStartResult,
  type VideoStatusResult,
  type WebhookEvent,
} from '@vgw/spec';
import { missingApiKey } from '../../provider-http/missing-api-key.js';
import { providerRequest } from '../../provider-http/provider-http.js';
import { pastRenderLimit, upstreamTimeout } from '../../provider-http/video-status.js';
import type { ProviderSettings } from '../provider-definition.js';
import { ProviderVideoModel } from '../provider-video-model.js';
import { buildReplicateInput } from './replicate-input.js';
import { replicateProviderName, type ReplicateModelSpec } from './replicate-models.js';
import { parseReplicateOperation, type ReplicateOperation } from './replicate-operation.js';
import { parseReplicateOptions } from './replicate-options.js';
import { predictionSchema } from './replicate-schemas.js';
import { predictionStatus } from './replicate-status.js';
import { parseReplicateWebhook, replicateWebhookFields } from './replicate-webhook.js';

export const replicateApiKeyVariable = 'REPLICATE_API_TOKEN';
export const replicateDefaultBaseURL = 'https://api.replicate.com/v1';

/**
 * A model on Replicate's predictions API: create without `Prefer: wait` (the gateway polls),
 * then `GET /predictions/{id}` until it ends, and `POST /predictions/{id}/cancel`.
 */
export class ReplicateVideoModel extends ProviderVideoModel {
  readonly provider = replicateProviderName;

  constructor(
    private readonly spec: ReplicateModelSpec,
    settings: ProviderSettings,
  ) {
    super(spec.modelId, spec.capabilities, settings);
  }

  parseOptions(providerOptions: JSONObject): void {
    parseReplicateOptions(providerOptions);
  }

  async doStart(options: VideoCallOptions): Promise<VideoStartResult> {
    const replicateOptions = parseReplicateOptions(options.providerOptions);
    const { input, warnings, sentImage } = await buildReplicateInput(
      this.spec,
      options,
      replicateOptions,
    );
    const [reference, version] = this.modelId.split(':');
    const webhook = replicateWebhookFields(this.settings);
    // Replicate has no idempotency key: a crash between this call and saving the operation can
    // start a second paid prediction (documented in docs/providers.md).
    const prediction = await this.request(
      version != null ? '/predictions' : `/models/${reference ?? ''}/predictions`,
      'POST',
      version != null ? { version, input, ...webhook } : { input, ...webhook },
      options.abortSignal,
    );
    const operation: ReplicateOperation = {
      predictionId: prediction.id,
      model: this.modelId,
      startedAt: this.settings.now(),
      sentImage,
    };
    this.settings.logger.info({ predictionId: prediction.id }, 'replicate prediction created');
    return {
      operation,
      warnings,
      providerMetadata: { replicate: { predictionId: prediction.id } },
    };
  }

  async doStatus(args: { operation: JSONValue }): Promise<VideoStatusResult> {
    const operation = parseReplicateOperation(args.operation);
    if (pastRenderLimit(this.settings, operation.startedAt)) {
      await this.cancel(operation.predictionId).catch((error: unknown) => {
        this.settings.logger.warn(
          { predictionId: operation.predictionId, error: String(error) },
          'replicate cancel after timeout failed',
        );
      });
      return upstreamTimeout(
        `replicate: prediction ${operation.predictionId} did not finish within ${this.settings.maxRenderMs} ms`,
      );
    }
    const prediction = await this.request(`/predictions/${operation.predictionId}`, 'GET');
    return predictionStatus(prediction, operation.sentImage);
  }

  async doCancel(args: { operation: JSONValue }): Promise<void> {
    await this.cancel(parseReplicateOperation(args.operation).predictionId);
  }

  parseWebhook(request: Request): Promise<WebhookEvent | null> {
    return parseReplicateWebhook(this.settings, request);
  }

  private async cancel(predictionId: string): Promise<void> {
    await this.request(`/predictions/${predictionId}/cancel`, 'POST');
  }

  private request(path: string, method: 'GET' | 'POST', body?: unknown, signal?: AbortSignal) {
    const apiKey = this.settings.apiKey;
    if (apiKey == null) {
      throw missingApiKey(replicateProviderName, `no API token; set ${replicateApiKeyVariable}`);
    }
    const base = (this.settings.baseURL ?? replicateDefaultBaseURL).replace(/\/+$/, '');
    return providerRequest({
      provider: replicateProviderName,
      apiKeyVariable: replicateApiKeyVariable,
      fetch: this.settings.fetch,
      url: `${base}${path}`,
      method,
      headers: { authorization: `Bearer ${apiKey}` },
      body,
      schema: predictionSchema,
      ...(signal != null ? { signal } : {}),
    });
  }
}
