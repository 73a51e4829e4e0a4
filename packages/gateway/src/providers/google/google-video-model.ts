import {
  type JSONObject,
  type JSONValue,
  type VideoCallOptions,
  type VideoStartResult,
  type VideoStatusResult,
} from '@vgw/spec';
import { missingApiKey } from '../../provider-http/missing-api-key.js';
import { providerRequest, abortSignalOf } from '../../provider-http/provider-http.js';
import { parseStoredOperation } from '../../provider-http/stored-operation.js';
import {
  pastRenderLimit,
  renderLimitSeconds,
  upstreamTimeout,
} from '../../provider-http/video-status.js';
import { ProviderVideoModel } from '../provider-video-model.js';
import { buildCreateBody } from './google-create-body.js';
import { googleApiKeyVariable, mapGoogleError } from './google-error.js';
import { googleProviderName, type GoogleModelId } from './google-models.js';
import { operationStatus } from './google-operation-status.js';
import { parseGoogleOptions } from './google-options.js';
import {
  googleOperationSchema,
  storedOperationSchema,
  type StoredOperation,
} from './google-schemas.js';

export const googleDefaultBaseURL = 'https://generativelanguage.googleapis.com';
const apiVersion = 'v1beta';

/**
 * Veo on the Gemini API: `predictLongRunning` starts an operation, `GET /v1beta/{name}` polls it.
 * The API has no cancel and no idempotency key for Veo, so there is no doCancel.
 */
export class GoogleVideoModel extends ProviderVideoModel<GoogleModelId> {
  readonly provider = googleProviderName;

  private get apiBaseURL(): string {
    return `${(this.settings.baseURL ?? googleDefaultBaseURL).replace(/\/+$/, '')}/${apiVersion}`;
  }

  private apiKey(): string {
    if (this.settings.apiKey == null || this.settings.apiKey === '') {
      throw missingApiKey('google', `no API key is configured; set ${googleApiKeyVariable}`);
    }
    return this.settings.apiKey;
  }

  private async call(
    url: string,
    init: { method: 'GET' | 'POST'; body?: unknown; signal?: AbortSignal },
  ) {
    const request = {
      provider: googleProviderName,
      apiKeyVariable: googleApiKeyVariable,
      fetch: this.settings.fetch,
      url,
      method: init.method,
      headers: { 'x-goog-api-key': this.apiKey() },
      body: init.body,
      schema: googleOperationSchema,
      ...(init.signal != null ? { signal: init.signal } : {}),
    };
    try {
      return await providerRequest(request);
    } catch (error) {
      throw mapGoogleError(error);
    }
  }

  parseOptions(providerOptions: JSONObject): void {
    parseGoogleOptions(providerOptions);
  }

  async doStart(options: VideoCallOptions): Promise<VideoStartResult> {
    const googleOptions = parseGoogleOptions(options.providerOptions);
    // A missing key fails here, before the input image is read and encoded.
    this.apiKey();
    const body = await buildCreateBody(options, googleOptions);
    // No idempotency key exists for predictLongRunning: a worker dying between Google accepting
    // the job and the gateway saving the operation can start a second paid render.
    const created = await this.call(
      `${this.apiBaseURL}/models/${this.modelId}:predictLongRunning`,
      {
        method: 'POST',
        body,
        ...abortSignalOf(options),
      },
    );
    const operation: StoredOperation = {
      name: created.name,
      model: this.modelId,
      startedAt: this.settings.now(),
    };
    return {
      operation,
      warnings: [],
      providerMetadata: { google: { operationName: created.name } },
    };
  }

  async doStatus(args: { operation: JSONValue }): Promise<VideoStatusResult> {
    const stored = parseStoredOperation(
      'google',
      storedOperationSchema,
      args.operation,
      'the stored operation is not a Veo operation',
    );
    if (pastRenderLimit(this.settings, stored.startedAt)) {
      // Nothing to cancel upstream: the Gemini API documents no cancel for Veo operations.
      const seconds = renderLimitSeconds(this.settings.maxRenderMs);
      return upstreamTimeout(`Veo did not finish within ${seconds} s`);
    }
    const operation = await this.call(`${this.apiBaseURL}/${stored.name}`, { method: 'GET' });
    return operationStatus(operation, { apiBaseURL: this.apiBaseURL, apiKey: this.apiKey() });
  }
}
