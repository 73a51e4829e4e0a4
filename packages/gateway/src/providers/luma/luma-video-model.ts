import {
  InvalidRequestError,
  type JSONObject,
  type JSONValue,
  type VideoCallOptions,
  type VideoStartResult,
  type VideoStatusResult,
  type WebhookEvent,
} from '@vgw/spec';
import type { z } from 'zod';
import {
  ProviderHttpError,
  providerRequest,
  abortSignalOf,
} from '../../provider-http/provider-http.js';
import {
  completedFromUrl,
  noOutput,
  pastRenderLimit,
  renderLimitSeconds,
  upstreamTimeout,
} from '../../provider-http/video-status.js';
import { missingApiKey } from '../../provider-http/missing-api-key.js';
import { parseStoredOperation } from '../../provider-http/stored-operation.js';
import { ProviderVideoModel } from '../provider-video-model.js';
import { lumaFailure, lumaStartError } from './luma-error.js';
import {
  lumaApiKeyVariable,
  lumaApiPath,
  lumaDefaultBaseURL,
  lumaProviderName,
  lumaSizeFor,
  type LumaModelId,
} from './luma-models.js';
import { parseLumaOptions } from './luma-options.js';
import {
  lumaEmptySchema,
  lumaGenerationSchema,
  lumaOperationSchema,
  type LumaGeneration,
  type LumaOperation,
} from './luma-schemas.js';
import { parseLumaWebhook } from './luma-webhook.js';

/**
 * Luma Dream Machine: `POST /generations/video`, then `GET /generations/{id}` until the state is
 * `completed` (→ `assets.video`) or `failed`. Luma has no cancel and no idempotency key; a
 * generation is deleted (best effort) to stop it.
 */
export class LumaVideoModel extends ProviderVideoModel<LumaModelId> {
  readonly provider = lumaProviderName;

  parseOptions(providerOptions: JSONObject): void {
    parseLumaOptions(providerOptions);
  }

  async doStart(options: VideoCallOptions): Promise<VideoStartResult> {
    const lumaOptions = parseLumaOptions(options.providerOptions);
    if (options.inputReference != null) {
      throw new InvalidRequestError(
        'luma takes keyframe images only as public URLs; an uploaded input_reference cannot be sent',
        'input_reference',
      );
    }
    const size = lumaSizeFor(options.width, options.height);
    if (size == null) {
      throw new InvalidRequestError(
        `luma cannot render ${options.width}x${options.height}`,
        'size',
      );
    }
    const body: Record<string, JSONValue> = {
      model: this.modelId,
      prompt: options.prompt,
      aspect_ratio: size.aspectRatio,
      resolution: size.resolution,
      duration: `${options.seconds}s`,
    };
    if (lumaOptions.loop != null) body.loop = lumaOptions.loop;
    if (lumaOptions.concepts != null) body.concepts = lumaOptions.concepts.map((key) => ({ key }));
    // A caller's own callback_url wins; otherwise the gateway's, when it has a public URL.
    const callbackURL = lumaOptions.callback_url ?? this.settings.webhookURL;
    if (callbackURL != null) body.callback_url = callbackURL;
    let generation: LumaGeneration;
    try {
      generation = await this.request('POST', '/generations/video', lumaGenerationSchema, {
        body,
        ...abortSignalOf(options),
      });
    } catch (error) {
      throw lumaStartError(error);
    }
    const operation: LumaOperation = {
      id: generation.id,
      model: this.modelId,
      startedAt: this.settings.now(),
    };
    return { operation, warnings: [], providerMetadata: { luma: { generationId: generation.id } } };
  }

  async doStatus(args: { operation: JSONValue }): Promise<VideoStatusResult> {
    const operation = this.operationOf(args.operation);
    if (pastRenderLimit(this.settings, operation.startedAt)) {
      await this.doCancel(args).catch(() => undefined);
      const seconds = renderLimitSeconds(this.settings.maxRenderMs);
      return upstreamTimeout(`luma did not finish within ${seconds} s`);
    }
    const generation = await this.request(
      'GET',
      `/generations/${encodeURIComponent(operation.id)}`,
      lumaGenerationSchema,
    );
    return statusOf(generation);
  }

  /** Luma has no cancel; deleting the generation is the only way to stop it. */
  async doCancel(args: { operation: JSONValue }): Promise<void> {
    const operation = this.operationOf(args.operation);
    try {
      await this.request(
        'DELETE',
        `/generations/${encodeURIComponent(operation.id)}`,
        lumaEmptySchema,
      );
    } catch (error) {
      // Already gone is what a cancel wants.
      if (error instanceof ProviderHttpError && error.httpStatus === 404) return;
      throw error;
    }
  }

  /** The Generation object Luma POSTs to `callback_url` (unsigned). */
  parseWebhook(request: Request): Promise<WebhookEvent | null> {
    return parseLumaWebhook(request);
  }

  private operationOf(value: JSONValue): LumaOperation {
    return parseStoredOperation(
      lumaProviderName,
      lumaOperationSchema,
      value,
      (reason) => `stored operation is not a Luma generation: ${reason}`,
    );
  }

  private request<Schema extends z.ZodType>(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    schema: Schema,
    extra: { body?: unknown; signal?: AbortSignal } = {},
  ): Promise<z.infer<Schema>> {
    const { apiKey, baseURL, fetch } = this.settings;
    if (apiKey == null) {
      throw missingApiKey(lumaProviderName, `no API key; set ${lumaApiKeyVariable}`);
    }
    const base = (baseURL ?? lumaDefaultBaseURL).replace(/\/+$/, '');
    return providerRequest({
      provider: lumaProviderName,
      apiKeyVariable: lumaApiKeyVariable,
      fetch,
      url: `${base}${lumaApiPath}${path}`,
      method,
      headers: { authorization: `Bearer ${apiKey}` },
      schema,
      ...extra,
    });
  }
}

function statusOf(generation: LumaGeneration): VideoStatusResult {
  switch (generation.state) {
    case 'queued':
      return { status: 'pending', progress: 0 };
    case 'dreaming':
      // Luma reports no progress number while dreaming.
      return { status: 'pending' };
    case 'failed':
      return { status: 'failed', error: lumaFailure(generation.failure_reason) };
    case 'completed': {
      const url = generation.assets?.video;
      if (url == null || url === '') return noOutput('luma completed without a video URL');
      return completedFromUrl(url, { luma: { generationId: generation.id } });
    }
  }
}
