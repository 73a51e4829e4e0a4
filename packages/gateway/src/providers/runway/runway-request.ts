import { readFile } from 'node:fs/promises';
import { InvalidRequestError, type ImageInput, type VideoCallOptions } from '@vgw/spec';
import { gen45TextSizes, isVeoModel, ratioOf, type RunwayModelId } from './runway-models.js';
import { parseRunwayOptions } from './runway-options.js';

export type RunwayEndpoint = 'text_to_video' | 'image_to_video';

export interface RunwayCreateRequest {
  endpoint: RunwayEndpoint;
  body: Record<string, unknown>;
}

/** Runway's documented seed range (an unsigned 32-bit integer). */
const maxSeed = 4_294_967_295;

/** Runway accepts an inline image as a base64 data URI, so no upload step is needed. */
async function dataUri(image: ImageInput): Promise<string> {
  const bytes = await readFile(image.path);
  return `data:${image.mediaType};base64,${bytes.toString('base64')}`;
}

/**
 * Checks what the capabilities cannot say: gen4_turbo needs an image, gen4.5 without an image
 * has fewer ratios, and Runway's seed is 32-bit. Thrown before any HTTP call, so nothing is paid.
 */
function checkRequest(modelId: RunwayModelId, options: VideoCallOptions, size: string): void {
  if (modelId === 'gen4_turbo' && options.inputReference == null) {
    throw new InvalidRequestError(
      'runway/gen4_turbo renders from an image only: send input_reference',
      'input_reference',
      'missing_required_parameter',
    );
  }
  if (modelId === 'gen4.5' && options.inputReference == null && !gen45TextSizes.includes(size)) {
    throw new InvalidRequestError(
      `runway/gen4.5 without an input_reference renders only ${gen45TextSizes.join(', ')}, got ${size}`,
      'size',
    );
  }
  if (options.seed != null && (!Number.isInteger(options.seed) || options.seed > maxSeed)) {
    throw new InvalidRequestError(`seed must be an integer from 0 to ${maxSeed}`, 'seed');
  }
}

/** The create call for one request: which endpoint, and its body in Runway's field names. */
export async function buildRunwayRequest(
  modelId: RunwayModelId,
  options: VideoCallOptions,
): Promise<RunwayCreateRequest> {
  const providerOptions = parseRunwayOptions(options.providerOptions, modelId);
  const size = `${options.width}x${options.height}`;
  checkRequest(modelId, options, size);
  const body: Record<string, unknown> = {
    model: modelId,
    promptText: options.prompt,
    ratio: ratioOf(size),
    duration: options.seconds,
  };
  if (options.seed != null) body.seed = options.seed;
  if (providerOptions.contentModeration != null) {
    body.contentModeration = providerOptions.contentModeration;
  }
  if (isVeoModel(modelId)) {
    if (providerOptions.audio != null) body.audio = providerOptions.audio;
    if (providerOptions.negativePrompt != null)
      body.negativePrompt = providerOptions.negativePrompt;
  }
  if (options.inputReference == null) return { endpoint: 'text_to_video', body };
  body.promptImage = await dataUri(options.inputReference);
  return { endpoint: 'image_to_video', body };
}
