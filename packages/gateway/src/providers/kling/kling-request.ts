import { readFile } from 'node:fs/promises';
import type { VideoCallOptions } from '@vgw/spec';
import { klingShape, type KlingModelId } from './kling-models.js';
import type { KlingOptions } from './kling-options.js';

export type KlingEndpoint = 'text2video' | 'image2video';

export function klingEndpoint(options: VideoCallOptions): KlingEndpoint {
  return options.inputReference != null ? 'image2video' : 'text2video';
}

function modeFor(modelId: KlingModelId, width: number, height: number): 'std' | 'pro' | null {
  // Master models have a single quality and take no mode; v2.6 is sold in pro only.
  if (modelId === 'kling-v2-1-master') return null;
  if (modelId === 'kling-v2-6') return 'pro';
  return klingShape(width, height).mode;
}

/** The create body for text2video or image2video, field names and formats as Kling documents. */
export async function klingRequestBody(
  modelId: KlingModelId,
  options: VideoCallOptions,
  klingOptions: KlingOptions,
): Promise<Record<string, unknown>> {
  const body: Record<string, unknown> = {
    model_name: modelId,
    prompt: options.prompt,
    duration: String(options.seconds),
  };
  const mode = modeFor(modelId, options.width, options.height);
  if (mode != null) body.mode = mode;
  if (options.inputReference != null) {
    // Raw base64 without a data: prefix; the aspect ratio follows the image.
    body.image = (await readFile(options.inputReference.path)).toString('base64');
  } else {
    body.aspect_ratio = klingShape(options.width, options.height).ratio;
  }
  if (klingOptions.negative_prompt != null) body.negative_prompt = klingOptions.negative_prompt;
  if (klingOptions.camera_control != null) body.camera_control = klingOptions.camera_control;
  if (modelId === 'kling-v2-6') body.sound = klingOptions.sound ?? 'on';
  // Unique per account, so a retried start after a crash is refused instead of billed twice.
  body.external_task_id = options.idempotencyKey;
  return body;
}
