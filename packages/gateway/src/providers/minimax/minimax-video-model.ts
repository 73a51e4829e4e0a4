import {
  type JSONObject,
  type JSONValue,
  type VideoCallOptions,
  type VideoStartResult,
  type VideoStatusResult,
  type WebhookEvent,
} from '@vgw/spec';
import {
  pastRenderLimit,
  renderLimitSeconds,
  upstreamTimeout,
} from '../../provider-http/video-status.js';
import { parseStoredOperation } from '../../provider-http/stored-operation.js';
import { ProviderVideoModel } from '../provider-video-model.js';
import { minimaxApiVersion, minimaxProviderName, type MinimaxModelId } from './minimax-models.js';
import { minimaxOperationSchema, type MinimaxOperation } from './minimax-schemas.js';
import { startV1, statusV1 } from './minimax-v1.js';
import { startV2, statusV2 } from './minimax-v2.js';
import { parseMinimaxWebhook } from './minimax-webhook.js';
import {
  minimaxV1OptionsSchema,
  minimaxV2OptionsSchema,
  parseMinimaxOptions,
} from './minimax-options.js';

/** MiniMax Hailuo (v1 API) and MiniMax-H3 (v2 API); neither documents a cancel endpoint. */
export class MinimaxVideoModel extends ProviderVideoModel<MinimaxModelId> {
  readonly provider = minimaxProviderName;

  parseOptions(providerOptions: JSONObject): void {
    parseMinimaxOptions(
      minimaxApiVersion(this.modelId) === 'v1' ? minimaxV1OptionsSchema : minimaxV2OptionsSchema,
      providerOptions,
    );
  }

  async doStart(options: VideoCallOptions): Promise<VideoStartResult> {
    const api = minimaxApiVersion(this.modelId);
    // MiniMax has no idempotency key: options.idempotencyKey cannot be sent (see the report).
    const taskId =
      api === 'v1'
        ? await startV1(this.settings, this.modelId, options)
        : await startV2(this.settings, this.modelId, options);
    const operation: MinimaxOperation = {
      taskId,
      api,
      modelId: this.modelId,
      hasImage: options.inputReference != null,
      startedAt: this.settings.now(),
    };
    return { operation, warnings: [], providerMetadata: { minimax: { taskId, api } } };
  }

  async doStatus(args: { operation: JSONValue }): Promise<VideoStatusResult> {
    const operation = parseOperation(args.operation);
    if (pastRenderLimit(this.settings, operation.startedAt)) {
      // No cancel endpoint is documented; the task is left to end on its own.
      const seconds = renderLimitSeconds(this.settings.maxRenderMs);
      return upstreamTimeout(
        `minimax: task ${operation.taskId} did not finish within ${seconds} s`,
      );
    }
    return operation.api === 'v1'
      ? statusV1(this.settings, operation)
      : statusV2(this.settings, operation);
  }

  /** A task update MiniMax POSTs to `callback_url` (unsigned); a challenge answers null. */
  parseWebhook(request: Request): Promise<WebhookEvent | null> {
    return parseMinimaxWebhook(request);
  }
}

function parseOperation(value: JSONValue): MinimaxOperation {
  return parseStoredOperation(
    minimaxProviderName,
    minimaxOperationSchema,
    value,
    'stored operation is not a MiniMax task',
  );
}
