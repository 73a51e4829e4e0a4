import { randomUUID } from 'node:crypto';
import {
  ProviderApiError,
  type JSONObject,
  type JSONValue,
  type VideoCallOptions,
  type VideoStartResult,
  type VideoStatusResult,
} from '@vgw/spec';
import type { z } from 'zod';
import {
  ProviderHttpError,
  providerRequest,
  abortSignalOf,
} from '../../provider-http/provider-http.js';
import { pastRenderLimit, upstreamTimeout } from '../../provider-http/video-status.js';
import type { ProviderSettings } from '../provider-definition.js';
import { ProviderVideoModel } from '../provider-video-model.js';
import { workflowRejected } from './comfyui-error.js';
import { comfyuiCapabilities, comfyuiModelId, comfyuiProviderName } from './comfyui-models.js';
import { parseComfyuiOperation, type ComfyuiOperation } from './comfyui-operation.js';
import { parseComfyuiOptions } from './comfyui-options.js';
import { buildPrompt, promptIdFor } from './comfyui-prompt.js';
import {
  emptySchema,
  historySchema,
  queuedPromptSchema,
  queueSchema,
  type HistoryEntry,
} from './comfyui-schemas.js';
import { historyStatus } from './comfyui-status.js';
import type { ComfyuiSettings } from './comfyui-workflow.js';

export const comfyuiBaseUrlVariable = 'COMFYUI_BASE_URL';

type Where = 'finished' | 'running' | 'queued' | 'unknown';

/**
 * A ComfyUI server running the configured workflow: `POST /prompt`, then `GET /history/{id}`
 * (and `GET /queue` while it has no history), `POST /interrupt` or `POST /queue {delete}`.
 */
export class ComfyuiVideoModel extends ProviderVideoModel<typeof comfyuiModelId> {
  readonly provider = comfyuiProviderName;
  /** One client id per gateway process, as ComfyUI expects of one client. */
  private readonly clientId = randomUUID();

  constructor(
    private readonly configuration: ComfyuiSettings,
    settings: ProviderSettings,
  ) {
    super(comfyuiModelId, comfyuiCapabilities, settings);
  }

  parseOptions(providerOptions: JSONObject): void {
    parseComfyuiOptions(providerOptions);
  }

  async doStart(options: VideoCallOptions): Promise<VideoStartResult> {
    const template = this.configuration.workflow;
    if (template == null) {
      throw new ProviderApiError(
        comfyuiProviderName,
        'no workflow template: set settings.options.workflow',
        {
          code: 'model_not_configured',
          retryable: false,
        },
      );
    }
    const comfyuiOptions = parseComfyuiOptions(options.providerOptions);
    const prompt = buildPrompt(
      template,
      this.configuration.placeholders ?? {},
      options,
      comfyuiOptions,
    );
    const wantedId = promptIdFor(options.idempotencyKey);
    // A retried start finds the prompt an earlier attempt queued (servers that honour prompt_id).
    if ((await this.locate(wantedId)).where !== 'unknown') return this.started(wantedId);
    const queued = await this.request('/prompt', queuedPromptSchema, {
      method: 'POST',
      body: { prompt, client_id: this.clientId, prompt_id: wantedId },
      ...abortSignalOf(options),
    }).catch((error: unknown) => {
      throw error instanceof ProviderHttpError && error.httpStatus === 400
        ? workflowRejected(error)
        : error;
    });
    return this.started(queued.prompt_id);
  }

  async doStatus(args: { operation: JSONValue }): Promise<VideoStatusResult> {
    const operation = parseComfyuiOperation(args.operation);
    if (pastRenderLimit(this.settings, operation.startedAt)) {
      await this.cancel(operation.promptId).catch((error: unknown) => {
        this.settings.logger.warn(
          { promptId: operation.promptId, error: String(error) },
          'comfyui cancel after timeout failed',
        );
      });
      return upstreamTimeout(
        `comfyui: prompt ${operation.promptId} did not finish within ${this.settings.maxRenderMs} ms`,
      );
    }
    const found = await this.locate(operation.promptId);
    if (found.entry != null)
      return historyStatus(this.baseURL(), operation.promptId, found.entry, this.authHeaders());
    if (found.where !== 'unknown') return { status: 'pending' };
    // In neither history nor queue: the server restarted (both live in memory) or the prompt was
    // deleted. A new render may succeed, so the gateway may start over.
    return {
      status: 'failed',
      error: {
        code: 'render_lost',
        message: `comfyui: the server no longer knows prompt ${operation.promptId} (restarted, or deleted from its queue)`,
        retryable: true,
      },
    };
  }

  async doCancel(args: { operation: JSONValue }): Promise<void> {
    await this.cancel(parseComfyuiOperation(args.operation).promptId);
  }

  /** Drops the finished prompt from ComfyUI's in-memory history once the gateway has the video. */
  async doCleanup(args: { operation: JSONValue }): Promise<void> {
    const { promptId } = parseComfyuiOperation(args.operation);
    await this.request('/history', emptySchema, { method: 'POST', body: { delete: [promptId] } });
  }

  private started(promptId: string): VideoStartResult {
    const operation: ComfyuiOperation = {
      promptId,
      clientId: this.clientId,
      startedAt: this.settings.now(),
    };
    this.settings.logger.info({ promptId }, 'comfyui prompt queued');
    return { operation, warnings: [], providerMetadata: { comfyui: { promptId } } };
  }

  /** Finds a prompt: its history entry once finished, else its place in the queue. */
  private async locate(promptId: string): Promise<{ where: Where; entry?: HistoryEntry }> {
    const history = async () =>
      (await this.request(`/history/${encodeURIComponent(promptId)}`, historySchema))[promptId];
    const before = await history();
    if (before != null) return { where: 'finished', entry: before };
    const queue = await this.request('/queue', queueSchema);
    if (queue.queue_running.some((item) => item[1] === promptId)) return { where: 'running' };
    if (queue.queue_pending.some((item) => item[1] === promptId)) return { where: 'queued' };
    // It may have finished between the two reads.
    const after = await history();
    return after != null ? { where: 'finished', entry: after } : { where: 'unknown' };
  }

  /** Interrupts the prompt if it is running, or deletes it from the queue if it waits. */
  private async cancel(promptId: string): Promise<void> {
    const queue = await this.request('/queue', queueSchema);
    if (queue.queue_running.some((item) => item[1] === promptId)) {
      // Newer servers interrupt only this prompt; older ones ignore the body (it is the one running).
      await this.request('/interrupt', emptySchema, {
        method: 'POST',
        body: { prompt_id: promptId },
      });
    } else if (queue.queue_pending.some((item) => item[1] === promptId)) {
      await this.request('/queue', emptySchema, { method: 'POST', body: { delete: [promptId] } });
    }
  }

  private baseURL(): string {
    const base = this.settings.baseURL;
    if (base == null || base === '') {
      throw new ProviderApiError(comfyuiProviderName, `no server; set ${comfyuiBaseUrlVariable}`, {
        code: 'model_not_configured',
        retryable: false,
      });
    }
    return base.replace(/\/+$/, '');
  }

  private authHeaders(): Record<string, string> {
    const key = this.settings.apiKey;
    return key != null && key !== '' ? { authorization: `Bearer ${key}` } : {};
  }

  private request<Schema extends z.ZodType>(
    path: string,
    schema: Schema,
    init: { method?: 'GET' | 'POST'; body?: unknown; signal?: AbortSignal } = {},
  ): Promise<z.infer<Schema>> {
    const headers = this.authHeaders();
    return providerRequest({
      provider: comfyuiProviderName,
      apiKeyVariable: `the ComfyUI bearer key (settings.apiKey) or ${comfyuiBaseUrlVariable}`,
      fetch: this.settings.fetch,
      url: `${this.baseURL()}${path}`,
      headers,
      schema,
      ...init,
    });
  }
}
