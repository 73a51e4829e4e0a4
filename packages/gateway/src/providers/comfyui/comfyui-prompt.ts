import { createHash } from 'node:crypto';
import { InvalidRequestError, type JSONObject, type VideoCallOptions } from '@vgw/spec';
import type { ComfyuiOptions } from './comfyui-options.js';
import { substitutePlaceholders, type PlaceholderValues } from './comfyui-substitute.js';
import { placeholdersIn, type Workflow } from './comfyui-workflow.js';

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** A start without a seed still renders the same clip on every retry of that start. */
function seedFromKey(idempotencyKey: string): number {
  return digest(`seed:${idempotencyKey}`).readUInt32BE(0) & 0x7fffffff;
}

/**
 * The prompt id this start asks ComfyUI to use: derived from the idempotency key, so a retried
 * start can find the prompt an earlier attempt queued.
 */
export function promptIdFor(idempotencyKey: string): string {
  const hex = digest(`prompt:${idempotencyKey}`).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The values of the built-in placeholders for one request. */
export function requestValues(options: VideoCallOptions): PlaceholderValues {
  return {
    prompt: options.prompt,
    seed: options.seed ?? seedFromKey(options.idempotencyKey),
    width: options.width,
    height: options.height,
    seconds: options.seconds,
    fps: options.fps,
    frames: Math.max(1, Math.round(options.seconds * options.fps)),
  };
}

/**
 * The workflow to queue: the template with the request's values, the configured defaults and
 * the caller's provider_options.comfyui.placeholders substituted. A placeholder nobody gave a
 * value for is a 400 naming it, before anything is queued.
 */
export function buildPrompt(
  template: Workflow,
  defaults: PlaceholderValues,
  options: VideoCallOptions,
  comfyuiOptions: ComfyuiOptions,
): JSONObject {
  const values = { ...defaults, ...comfyuiOptions.placeholders, ...requestValues(options) };
  const missing = [...placeholdersIn(template)].filter((name) => values[name] == null);
  if (missing.length > 0) {
    const name = missing[0] as string;
    throw new InvalidRequestError(
      `the ComfyUI workflow needs a value for {{${missing.join('}}, {{')}}}; pass provider_options.comfyui.placeholders`,
      `provider_options.comfyui.placeholders.${name}`,
    );
  }
  return substitutePlaceholders(template as JSONObject, values) as JSONObject;
}
