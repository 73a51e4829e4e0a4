import { readFile } from 'node:fs/promises';
import {
  InvalidRequestError,
  PolicyViolationError,
  type VideoCallOptions,
  type VideoFailure,
  type VideoStatusResult,
} from '@vgw/spec';
import { completedFromUrl, noOutput as noOutputStatus } from '../../provider-http/video-status.js';
import type { ProviderSettings } from '../provider-definition.js';
import { minimaxBadResponse, minimaxCall } from './minimax-client.js';
import { createMinimaxTask } from './minimax-create-task.js';
import { checkBaseResp, minimaxCodeError } from './minimax-error.js';
import { hailuoResolutions } from './minimax-models.js';
import { minimaxV1OptionsSchema, parseMinimaxOptions } from './minimax-options.js';
import {
  v1CreateSchema,
  v1FileSchema,
  v1QuerySchema,
  type MinimaxOperation,
  type V1Query,
} from './minimax-schemas.js';
import { minimaxCallbackFields } from './minimax-webhook.js';

export async function dataUrl(path: string, mediaType: string): Promise<string> {
  return `data:${mediaType};base64,${(await readFile(path)).toString('base64')}`;
}

/** Creates a Hailuo task on `POST /v1/video_generation`; returns its task id. */
export async function startV1(
  settings: ProviderSettings,
  modelId: string,
  options: VideoCallOptions,
): Promise<string> {
  const minimaxOptions = parseMinimaxOptions(minimaxV1OptionsSchema, options.providerOptions);
  const resolution = hailuoResolutions[`${options.width}x${options.height}`] ?? '768P';
  if (resolution === '1080P' && options.seconds !== 6) {
    throw new InvalidRequestError(`${modelId} renders 10 s only at 1366x768; use 6 s`, 'seconds');
  }
  const body: Record<string, unknown> = {
    model: modelId,
    prompt: options.prompt,
    duration: options.seconds,
    resolution,

    ...minimaxCallbackFields(settings.webhookURL, settings.options),
  };
  if (minimaxOptions.prompt_optimizer != null)
    body.prompt_optimizer = minimaxOptions.prompt_optimizer;
  if (options.inputReference != null) {
    const { path, mediaType } = options.inputReference;
    body.first_frame_image = await dataUrl(path, mediaType);
  }
  return createMinimaxTask(settings, options, {
    path: '/v1/video_generation',
    body,
    schema: v1CreateSchema,
    withoutTaskId: 'create answered success without a task_id',
  });
}

function failure(query: V1Query, operation: MinimaxOperation): VideoStatusResult {
  const code = query.base_resp.status_code;
  const text = query.base_resp.status_msg ?? 'no reason given';
  // A failed task's refusal is about what it was given (1026) or what it made (1027).
  const mapped = code !== 0 ? minimaxCodeError(code, text, inputParam(operation)) : null;
  if (mapped instanceof PolicyViolationError) {
    const error: VideoFailure = { code: mapped.code, message: mapped.message, retryable: false };
    if (mapped.param != null) error.param = mapped.param;
    return { status: 'failed', error };
  }
  const suffix = code !== 0 ? ` (status_code ${code})` : '';
  return {
    status: 'failed',
    error: { code: 'render_failed', message: `minimax: ${text}${suffix}`, retryable: false },
  };
}

export function inputParam(operation: MinimaxOperation): string | null {
  return operation.hasImage ? null : 'prompt';
}

/** Polls a Hailuo task; on Success looks up the file's download URL. */
export async function statusV1(
  settings: ProviderSettings,
  operation: MinimaxOperation,
): Promise<VideoStatusResult> {
  const query = await minimaxCall(settings, {
    path: `/v1/query/video_generation?task_id=${encodeURIComponent(operation.taskId)}`,
    schema: v1QuerySchema,
    param: null,
  });
  if (query.status === 'Fail') return failure(query, operation);
  checkBaseResp(query.base_resp, null);
  if (query.status == null) throw minimaxBadResponse('query answered without a status');
  if (query.status !== 'Success') return { status: 'pending' };
  if (query.file_id == null || query.file_id === '') return noOutput(operation, 'no file_id');
  const retrieved = await minimaxCall(settings, {
    path: `/v1/files/retrieve?file_id=${encodeURIComponent(String(query.file_id))}`,
    schema: v1FileSchema,
    param: null,
  });
  checkBaseResp(retrieved.base_resp, null);
  const url = retrieved.file?.download_url;
  if (url == null || url === '') return noOutput(operation, 'no download_url');
  return completedFromUrl(url, {
    minimax: {
      taskId: operation.taskId,
      fileId: String(query.file_id),
      width: query.video_width ?? null,
      height: query.video_height ?? null,
    },
  });
}

export function noOutput(operation: MinimaxOperation, detail: string): VideoStatusResult {
  return noOutputStatus(`minimax: task ${operation.taskId} succeeded with ${detail}`);
}
