import type { VideoCallOptions } from '@vgw/spec';
import type { z } from 'zod';
import { abortSignalOf } from '../../provider-http/provider-http.js';
import type { ProviderSettings } from '../provider-definition.js';
import { minimaxBadResponse, minimaxCall } from './minimax-client.js';
import { checkBaseResp } from './minimax-error.js';
import type { BaseResp } from './minimax-schemas.js';

interface CreatedTask {
  task_id?: string | null | undefined;
  base_resp?: BaseResp | null | undefined;
}

/**
 * `POST /v1|v2/video_generation` and its answer, the same on both APIs: a refusal of a text-only
 * request concerns the prompt, a non-zero `base_resp` is an error even on HTTP 200, and a
 * success without a `task_id` is a bad response. Returns the task id.
 */
export async function createMinimaxTask<Schema extends z.ZodType<CreatedTask>>(
  settings: ProviderSettings,
  options: VideoCallOptions,
  create: { path: string; body: unknown; schema: Schema; withoutTaskId: string },
): Promise<string> {
  const param = options.inputReference == null ? 'prompt' : null;
  const created: CreatedTask = await minimaxCall(settings, {
    path: create.path,
    method: 'POST',
    body: create.body,
    schema: create.schema,
    param,
    ...abortSignalOf(options),
  });
  checkBaseResp(created.base_resp, param);
  if (created.task_id == null || created.task_id === '') {
    throw minimaxBadResponse(create.withoutTaskId);
  }
  return created.task_id;
}
