import type {
  JSONObject,
  JSONValue,
  VideoCallOptions,
  VideoStartResult,
  VideoStatusResult,
} from '@vgw/spec';
import { missingApiKey } from '../../provider-http/missing-api-key.js';
import {
  ProviderHttpError,
  providerRequest,
  abortSignalOf,
} from '../../provider-http/provider-http.js';
import {
  pastRenderLimit,
  renderLimitSeconds,
  upstreamTimeout,
} from '../../provider-http/video-status.js';
import { ProviderVideoModel } from '../provider-video-model.js';
import { runwayError } from './runway-error.js';
import { runwayProviderName, type RunwayModelId } from './runway-models.js';
import { buildRunwayRequest } from './runway-request.js';
import {
  runwayCreateResponseSchema,
  runwayEmptySchema,
  runwayOperationSchema,
  runwayTaskSchema,
  type RunwayOperation,
} from './runway-schemas.js';
import { runwayTaskStatus } from './runway-task-status.js';
import { parseRunwayOptions } from './runway-options.js';

export const runwayDefaultBaseURL = 'https://api.dev.runwayml.com';
export const runwayApiKeyVariable = 'RUNWAYML_API_SECRET';
/** The API version this adapter speaks; Runway refuses requests without the header. */
export const runwayApiVersion = '2024-11-06';

/**
 * Runway's task API: one create call, then `GET /v1/tasks/{id}` until a terminal state. Runway
 * takes no idempotency key, so a worker dying between the create and the saved operation can
 * start (and bill) a second task; the gateway's start key cannot prevent that here.
 */
export class RunwayVideoModel extends ProviderVideoModel<RunwayModelId> {
  readonly provider = runwayProviderName;

  parseOptions(providerOptions: JSONObject): void {
    parseRunwayOptions(providerOptions, this.modelId);
  }

  async doStart(options: VideoCallOptions): Promise<VideoStartResult> {
    const request = await buildRunwayRequest(this.modelId, options);
    const created = await providerRequest({
      ...this.common(`/v1/${request.endpoint}`),
      method: 'POST',
      body: request.body,
      schema: runwayCreateResponseSchema,
      ...abortSignalOf(options),
    });
    this.settings.logger.info(
      { provider: this.provider, model: this.modelId, taskId: created.id },
      'runway task created',
    );
    const operation: RunwayOperation = {
      taskId: created.id,
      model: this.modelId,
      endpoint: request.endpoint,
      startedAt: this.settings.now(),
    };
    return {
      operation,
      warnings: [],
      providerMetadata: {
        runwayTaskId: created.id,
        ...(created.estimatedCost != null
          ? { estimatedCredits: created.estimatedCost.credits }
          : {}),
      },
    };
  }

  async doStatus(args: { operation: JSONValue }): Promise<VideoStatusResult> {
    const operation = this.parseOperation(args.operation);
    const pastLimit = pastRenderLimit(this.settings, operation.startedAt);
    let result: VideoStatusResult;
    try {
      const task = await providerRequest({
        ...this.common(`/v1/tasks/${encodeURIComponent(operation.taskId)}`),
        schema: runwayTaskSchema,
      });
      result = runwayTaskStatus(task);
    } catch (error) {
      // Past the limit, a check that keeps failing (garbage, outages) must still end the render.
      if (pastLimit) return this.timeOut(operation, (error as Error).message);
      throw error;
    }
    return result.status === 'pending' && pastLimit ? this.timeOut(operation, null) : result;
  }

  async doCancel(args: { operation: JSONValue }): Promise<void> {
    const operation = this.parseOperation(args.operation);
    const common = this.common(`/v1/tasks/${encodeURIComponent(operation.taskId)}`);
    try {
      await providerRequest({
        ...common,
        method: 'DELETE',
        // The SDK sends Accept: */* here: the answer is a 204 without a body.
        headers: { ...common.headers, accept: '*/*' },
        schema: runwayEmptySchema,
      });
    } catch (error) {
      // Already gone (deleted, or expired from Runway's history): nothing left to stop.
      if (error instanceof ProviderHttpError && error.httpStatus === 404) return;
      throw error;
    }
  }

  private async timeOut(operation: RunwayOperation, lastError: string | null) {
    await this.doCancel({ operation }).catch((error: unknown) => {
      this.settings.logger.warn(
        { provider: this.provider, taskId: operation.taskId, error: String(error) },
        'could not cancel a timed-out runway task',
      );
    });
    const limitSeconds = renderLimitSeconds(this.settings.maxRenderMs);
    const detail = lastError != null ? `; last status check: ${lastError}` : '';
    return upstreamTimeout(
      `Runway task ${operation.taskId} did not finish within ${limitSeconds} s${detail}`,
    );
  }

  private parseOperation(value: JSONValue): RunwayOperation {
    const parsed = runwayOperationSchema.safeParse(value);
    if (!parsed.success) {
      throw runwayError(`stored operation is not a Runway task: ${JSON.stringify(value)}`, false);
    }
    return parsed.data;
  }

  private common(path: string) {
    const apiKey = this.settings.apiKey;
    if (apiKey == null || apiKey === '') {
      throw missingApiKey(this.provider, `no API key configured; set ${runwayApiKeyVariable}`);
    }
    const baseURL = (this.settings.baseURL ?? runwayDefaultBaseURL).replace(/\/+$/, '');
    return {
      provider: this.provider,
      apiKeyVariable: runwayApiKeyVariable,
      fetch: this.settings.fetch,
      url: `${baseURL}${path}`,
      headers: { authorization: `Bearer ${apiKey}`, 'x-runway-version': runwayApiVersion },
    };
  }
}
