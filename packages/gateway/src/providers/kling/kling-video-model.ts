import {
  PolicyViolationError,
  ProviderApiError,
  type JSONObject,
  type JSONValue,
  type VideoCallOptions,
  type VideoStartResult,
  type VideoStatusResult,
  type WebhookEvent,
} from '@vgw/spec';
import type { z } from 'zod';
import { providerRequest, abortSignalOf } from '../../provider-http/provider-http.js';
import {
  pastRenderLimit,
  renderLimitSeconds,
  upstreamTimeout,
} from '../../provider-http/video-status.js';
import { parseStoredOperation } from '../../provider-http/stored-operation.js';
import { missingApiKey } from '../../provider-http/missing-api-key.js';
import { ProviderVideoModel } from '../provider-video-model.js';
import { klingAuthorization } from './kling-auth.js';
import { klingCodeError, klingCredentialVariables, klingHttpError } from './kling-error.js';
import { klingProviderName, type KlingModelId } from './kling-models.js';
import { parseKlingOptions } from './kling-options.js';
import { klingEndpoint, klingRequestBody } from './kling-request.js';
import {
  klingEnvelopeSchema,
  klingOperationSchema,
  klingTaskSchema,
  type KlingEnvelope,
  type KlingOperation,
  type KlingTask,
} from './kling-schemas.js';
import { klingTaskStatus } from './kling-status.js';
import { klingCallbackFields, parseKlingWebhook } from './kling-webhook.js';

export const klingDefaultBaseURL = 'https://api-singapore.klingai.com';

function badResponse(message: string): ProviderApiError {
  return new ProviderApiError(klingProviderName, message, {
    code: 'provider_bad_response',
    retryable: true,
  });
}

/** The task inside a successful envelope; a non-zero `code` is an error even on HTTP 200. */
function taskOf(envelope: KlingEnvelope, param: string | null): KlingTask {
  if (envelope.code !== 0) {
    throw klingCodeError(envelope.code, envelope.message ?? 'no message', {
      param,
      retryAfterMs: null,
    });
  }
  const task = klingTaskSchema.safeParse(envelope.data);
  if (!task.success) {
    const issue = task.error.issues[0];
    throw badResponse(`unexpected task: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`);
  }
  return task.data;
}

/** Kling text/image-to-video: one task per start, polled on the same family path. */
export class KlingVideoModel extends ProviderVideoModel<KlingModelId> {
  readonly provider = klingProviderName;

  parseOptions(providerOptions: JSONObject): void {
    parseKlingOptions(providerOptions, this.modelId);
  }

  async doStart(options: VideoCallOptions): Promise<VideoStartResult> {
    const klingOptions = parseKlingOptions(options.providerOptions, this.modelId);
    const endpoint = klingEndpoint(options);
    // Kling's refusal does not say which input; only a text-only request pins it on the prompt.
    const param = options.inputReference == null ? 'prompt' : null;
    const body = {
      ...(await klingRequestBody(this.modelId, options, klingOptions)),
      ...klingCallbackFields(this.settings.webhookURL),
    };
    const envelope = await this.call(`/v1/videos/${endpoint}`, param, {
      method: 'POST',
      body,
      ...abortSignalOf(options),
    });
    const task = taskOf(envelope, param);
    const operation: KlingOperation = {
      taskId: task.task_id,
      endpoint,
      modelId: this.modelId,
      externalTaskId: options.idempotencyKey,
      startedAt: this.settings.now(),
    };
    return {
      operation,
      warnings: [],
      providerMetadata: { kling: { taskId: task.task_id, requestId: envelope.request_id ?? null } },
    };
  }

  async doStatus(args: { operation: JSONValue }): Promise<VideoStatusResult> {
    const operation = parseOperation(args.operation);
    if (pastRenderLimit(this.settings, operation.startedAt)) {
      // Kling documents no cancel endpoint, so the task is left to finish (unbilled if failed).
      const seconds = renderLimitSeconds(this.settings.maxRenderMs);
      return upstreamTimeout(`kling: task ${operation.taskId} did not finish within ${seconds} s`);
    }
    try {
      const path = `/v1/videos/${operation.endpoint}/${encodeURIComponent(operation.taskId)}`;
      return klingTaskStatus(taskOf(await this.call(path, 'output', { method: 'GET' }), 'output'));
    } catch (error) {
      if (error instanceof PolicyViolationError) {
        return {
          status: 'failed',
          error: { code: error.code, message: error.message, retryable: false, param: 'output' },
        };
      }
      throw error;
    }
  }

  /** The task Kling POSTs to `callback_url` (unsigned). */
  parseWebhook(request: Request): Promise<WebhookEvent | null> {
    return parseKlingWebhook(request);
  }

  private async call(
    path: string,
    param: string | null,
    request: { method: 'GET' | 'POST'; body?: unknown; signal?: AbortSignal },
  ): Promise<z.infer<typeof klingEnvelopeSchema>> {
    if (this.settings.apiKey == null) {
      throw missingApiKey(klingProviderName, `no key; set ${klingCredentialVariables[0]}`);
    }
    const authorization = await klingAuthorization(
      { accessKey: this.settings.apiKey, secretKey: this.settings.secret },
      this.settings.now(),
    );
    const baseURL = (this.settings.baseURL ?? klingDefaultBaseURL).replace(/\/+$/, '');
    try {
      return await providerRequest({
        provider: klingProviderName,
        apiKeyVariable: klingCredentialVariables.join(' and '),
        fetch: this.settings.fetch,
        url: `${baseURL}${path}`,
        headers: { authorization },
        schema: klingEnvelopeSchema,
        ...request,
      });
    } catch (error) {
      throw klingHttpError(error, param);
    }
  }
}

function parseOperation(value: JSONValue): KlingOperation {
  return parseStoredOperation(
    klingProviderName,
    klingOperationSchema,
    value,
    'stored operation is not a Kling task',
  );
}
