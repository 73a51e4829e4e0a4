import type {
  JSONObject,
  JSONValue,
  VideoCallOptions,
  VideoStartResult,
  VideoStatusResult,
  WebhookEvent,
} from '@vgw/spec';
import { abortSignalOf } from '../../provider-http/provider-http.js';
import {
  pastRenderLimit,
  renderLimitSeconds,
  upstreamTimeout,
} from '../../provider-http/video-status.js';
import type { ProviderSettings } from '../provider-definition.js';
import { parseStoredOperation } from '../../provider-http/stored-operation.js';
import { ProviderVideoModel } from '../provider-video-model.js';
import { falAppPath } from './fal-endpoint-id.js';
import { falBase, falCancelRequest, falRequest } from './fal-http.js';
import { buildFalInput } from './fal-input.js';
import { falProviderName } from './fal-models.js';
import { parseFalOptions } from './fal-options.js';
import { readFalResult } from './fal-result.js';
import {
  falOperationSchema,
  falStatusSchema,
  falSubmitSchema,
  type FalOperation,
} from './fal-schemas.js';
import type { FalEndpoint } from './fal-settings.js';
import { falWebhookQuery, parseFalWebhook } from './fal-webhook.js';

/**
 * One fal endpoint through the queue API: submit to `{queue}/{endpoint}`, poll
 * `{queue}/{owner}/{alias}/requests/{id}/status`, then read the output from `…/requests/{id}`.
 * URLs are built the way the official client builds them, never taken from responses, so the
 * key only ever goes to the configured host. fal has no idempotency key.
 */
export class FalVideoModel extends ProviderVideoModel {
  readonly provider = falProviderName;

  constructor(
    private readonly endpoint: FalEndpoint,
    settings: ProviderSettings,
  ) {
    super(endpoint.id, endpoint.capabilities, settings);
  }

  parseOptions(providerOptions: JSONObject): void {
    parseFalOptions(providerOptions);
  }

  async doStart(options: VideoCallOptions): Promise<VideoStartResult> {
    const falOptions = parseFalOptions(options.providerOptions);
    const { input, warnings } = await buildFalInput(this.endpoint, options, falOptions);
    const webhook = falWebhookQuery(falOptions.webhook_url, this.settings.webhookURL);
    const submitted = await falRequest(this.settings, {
      method: 'POST',
      url: `${falBase(this.settings)}/${this.endpoint.id}${webhook}`,
      schema: falSubmitSchema,
      body: input,
      ...abortSignalOf(options),
    });
    const operation: FalOperation = {
      requestId: submitted.request_id,
      endpointId: this.endpoint.id,
      startedAt: this.settings.now(),
    };
    return { operation, warnings, providerMetadata: { fal: { requestId: submitted.request_id } } };
  }

  async doStatus(args: { operation: JSONValue }): Promise<VideoStatusResult> {
    const operation = this.operationOf(args.operation);
    if (pastRenderLimit(this.settings, operation.startedAt)) {
      await this.doCancel(args).catch(() => undefined);
      const seconds = renderLimitSeconds(this.settings.maxRenderMs);
      return upstreamTimeout(`fal did not finish within ${seconds} s`);
    }
    const requestUrl = this.requestUrl(operation);
    const status = await falRequest(this.settings, {
      method: 'GET',
      url: `${requestUrl}/status?logs=0`,
      schema: falStatusSchema,
    });
    // fal reports a queue position, not a completion fraction, so no progress is given.
    if (status.status === 'IN_QUEUE') return { status: 'pending', progress: 0 };
    if (status.status === 'IN_PROGRESS') return { status: 'pending' };
    return readFalResult(this.settings, requestUrl, status);
  }

  /** Asks fal to cancel (202 CANCELLATION_REQUESTED); a finished request answers 400 ALREADY_COMPLETED. */
  async doCancel(args: { operation: JSONValue }): Promise<void> {
    const operation = this.operationOf(args.operation);
    await falCancelRequest(this.settings, `${this.requestUrl(operation)}/cancel`);
  }

  /** The result fal POSTs to `fal_webhook`; accepted unsigned (see fal-webhook.ts). */
  parseWebhook(request: Request): Promise<WebhookEvent | null> {
    return parseFalWebhook(request);
  }

  private requestUrl(operation: FalOperation): string {
    const app = falAppPath(operation.endpointId);
    return `${falBase(this.settings)}/${app}/requests/${encodeURIComponent(operation.requestId)}`;
  }

  private operationOf(value: JSONValue): FalOperation {
    return parseStoredOperation(
      falProviderName,
      falOperationSchema,
      value,
      (reason) => `stored operation is not a fal request: ${reason}`,
    );
  }
}
