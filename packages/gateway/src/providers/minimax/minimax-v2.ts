import type { VideoCallOptions, VideoFailure, VideoStatusResult } from '@vgw/spec';
import { completedFromUrl } from '../../provider-http/video-status.js';
import type { ProviderSettings } from '../provider-definition.js';
import { minimaxCall } from './minimax-client.js';
import { createMinimaxTask } from './minimax-create-task.js';
import { checkBaseResp, isMinimaxPolicyText } from './minimax-error.js';
import { h3Ratios } from './minimax-models.js';
import { minimaxV2OptionsSchema, parseMinimaxOptions } from './minimax-options.js';
import {
  v2CreateSchema,
  v2TaskSchema,
  type MinimaxOperation,
  type V2Task,
} from './minimax-schemas.js';
import { dataUrl, inputParam, noOutput } from './minimax-v1.js';
import { minimaxCallbackFields } from './minimax-webhook.js';

/** Creates an H3 task on `POST /v2/video_generation` (content items); returns its task id. */
export async function startV2(
  settings: ProviderSettings,
  modelId: string,
  options: VideoCallOptions,
): Promise<string> {
  const minimaxOptions = parseMinimaxOptions(minimaxV2OptionsSchema, options.providerOptions);
  const content: Record<string, unknown>[] = [{ type: 'text', text: options.prompt }];
  const body: Record<string, unknown> = {
    model: modelId,
    content,
    resolution: '2K',
    duration: options.seconds,

    ...minimaxCallbackFields(settings.webhookURL, settings.options),
  };
  if (options.inputReference != null) {
    const { path, mediaType } = options.inputReference;
    const url = await dataUrl(path, mediaType);
    content.push({ type: 'image_url', image_url: { url }, role: 'first_frame' });
  } else {
    // Required for text-to-video; with a first frame the ratio follows the image.
    body.ratio = h3Ratios[`${options.width}x${options.height}`] ?? '16:9';
  }
  if (minimaxOptions.aigc_watermark != null) body.aigc_watermark = minimaxOptions.aigc_watermark;
  return createMinimaxTask(settings, options, {
    path: '/v2/video_generation',
    body,
    schema: v2CreateSchema,
    withoutTaskId: 'create answered without a task_id',
  });
}

function failedTask(task: V2Task, operation: MinimaxOperation): VideoStatusResult {
  const text = `${task.error?.message ?? 'no reason given'}`;
  const code = task.error?.code != null ? ` (${task.error.code})` : '';
  if (!isMinimaxPolicyText(`${task.error?.code ?? ''} ${text}`)) {
    return {
      status: 'failed',
      error: { code: 'render_failed', message: `minimax: ${text}${code}`, retryable: false },
    };
  }
  const error: VideoFailure = {
    code: 'content_policy_violation',
    message: `minimax: refused by content policy: ${text}${code}`,
    retryable: false,
  };
  // v2 says which side was refused only in its message.
  const param = /output/i.test(text)
    ? 'output'
    : /input|prompt/i.test(text)
      ? inputParam(operation)
      : null;
  if (param != null) error.param = param;
  return { status: 'failed', error };
}

/** Polls an H3 task; the URL is in the task itself and is re-signed on every query. */
export async function statusV2(
  settings: ProviderSettings,
  operation: MinimaxOperation,
): Promise<VideoStatusResult> {
  const answer = await minimaxCall(settings, {
    path: `/v2/query/video_generation/${encodeURIComponent(operation.taskId)}`,
    schema: v2TaskSchema,
    param: null,
  });
  checkBaseResp(answer.base_resp, null);
  const task = answer.task;
  switch (task.status) {
    case 'queued':
    case 'running':
      return { status: 'pending' };
    case 'failed':
      return failedTask(task, operation);
    case 'cancelled':
    case 'expired':
      return {
        status: 'failed',
        error: {
          code: task.status,
          message: `minimax: task ${operation.taskId} was ${task.status} upstream`,
          retryable: false,
        },
      };
    case 'succeeded': {
      const url = task.content?.url;
      if (url == null || url === '') return noOutput(operation, 'no content.url');
      return completedFromUrl(url, {
        minimax: {
          taskId: operation.taskId,
          duration: task.duration ?? null,
          ratio: task.ratio ?? null,
          resolution: task.resolution ?? null,
          outputSeconds: task.usage?.output_seconds ?? null,
        },
      });
    }
  }
}
