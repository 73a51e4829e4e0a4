import {
  ProviderApiError,
  type JSONObject,
  type JSONValue,
  type VideoCallOptions,
  type VideoStartResult,
  type VideoStatusResult,
  type WebhookEvent,
} from '@vgw/spec';
import { ProviderVideoModel } from '../provider-video-model.js';
import { missingApiKey } from '../../provider-http/missing-api-key.js';
import { providerRequest, abortSignalOf } from '../../provider-http/provider-http.js';
import { pastRenderLimit } from '../../provider-http/video-status.js';
import { removeDownloads } from './openai-content-download.js';
import { createForm } from './openai-create-form.js';
import { mapCreateError } from './openai-error.js';
import { openaiProviderName, type OpenaiModelId } from './openai-models.js';
import type { OpenaiOperation } from './openai-operation.js';
import { parseOperation } from './openai-operation.js';
import { parseOpenaiOptions } from './openai-options.js';
import { videoObjectSchema } from './openai-schemas.js';
import { openaiApiKeyVariable, type OpenaiSettings } from './openai-settings.js';
import { finishedStatus, timedOut } from './openai-status.js';
import { parseOpenaiWebhook } from './openai-webhook.js';

/**
 * OpenAI's Videos API (Sora 2). There is no cancel endpoint, so there is no `doCancel`: a render
 * runs (and is billed) to its end. No idempotency header is documented for `POST /videos`, so a
 * worker dying between OpenAI accepting the job and the gateway saving the operation can start
 * a second paid render on retry.
 */
export class OpenaiVideoModel extends ProviderVideoModel<OpenaiModelId, OpenaiSettings> {
  readonly provider = openaiProviderName;

  private headers(): Record<string, string> {
    if (this.settings.apiKey == null) {
      throw missingApiKey(openaiProviderName, `no API key; set ${openaiApiKeyVariable}`);
    }
    return { authorization: `Bearer ${this.settings.apiKey}` };
  }

  parseOptions(providerOptions: JSONObject): void {
    parseOpenaiOptions(providerOptions, this.modelId);
  }

  async doStart(options: VideoCallOptions): Promise<VideoStartResult> {
    const providerOptions = parseOpenaiOptions(options.providerOptions, this.modelId);
    const upstreamModel = providerOptions.snapshot ?? this.modelId;
    const headers = this.headers();
    const startedAt = this.settings.now();
    let created;
    try {
      created = await providerRequest({
        provider: openaiProviderName,
        apiKeyVariable: openaiApiKeyVariable,
        fetch: this.settings.fetch,
        url: `${this.settings.apiRoot}/videos`,
        method: 'POST',
        headers,
        body: await createForm(options, upstreamModel),
        schema: videoObjectSchema,
        ...abortSignalOf(options),
      });
    } catch (error) {
      throw mapCreateError(error);
    }
    const operation: OpenaiOperation = {
      videoId: created.id,
      model: this.modelId,
      upstreamModel,
      startedAt,
    };
    this.settings.logger.info(
      { videoId: created.id, model: upstreamModel },
      'openai video created',
    );
    return { operation, warnings: [], providerMetadata: { openai: { videoId: created.id } } };
  }

  async doStatus(args: { operation: JSONValue }): Promise<VideoStatusResult> {
    const operation = parseOperation(args.operation);
    const headers = this.headers();
    let video;
    try {
      video = await providerRequest({
        provider: openaiProviderName,
        apiKeyVariable: openaiApiKeyVariable,
        fetch: this.settings.fetch,
        url: `${this.settings.apiRoot}/videos/${encodeURIComponent(operation.videoId)}`,
        headers,
        schema: videoObjectSchema,
      });
    } catch (error) {
      // A check that keeps failing must not keep a video pending past its render budget.
      const retryable = error instanceof ProviderApiError && error.retryable;
      if (retryable && this.pastBudget(operation)) {
        return timedOut(
          this.settings.maxRenderMs,
          `; the last check failed: ${(error as Error).message}`,
        );
      }
      throw error;
    }
    if (video.status === 'queued' || video.status === 'in_progress') {
      if (this.pastBudget(operation)) return timedOut(this.settings.maxRenderMs, '');
      return video.progress != null
        ? { status: 'pending', progress: video.progress }
        : { status: 'pending' };
    }
    return finishedStatus(this.settings, video);
  }

  private pastBudget(operation: OpenaiOperation): boolean {
    return pastRenderLimit(this.settings, operation.startedAt);
  }

  /** The gateway stored its copies: the downloads in `downloadDir` are no longer needed. */
  async doCleanup(args: { operation: JSONValue }): Promise<void> {
    await removeDownloads(this.settings.downloadDir, parseOperation(args.operation).videoId);
  }

  /** A project-level `video.completed` / `video.failed` webhook, signed (standard webhooks). */
  parseWebhook(request: Request): Promise<WebhookEvent | null> {
    return parseOpenaiWebhook(this.settings, request);
  }
}
