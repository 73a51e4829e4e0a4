import { readFile } from 'node:fs/promises';
import {
  InvalidRequestError,
  type JSONValue,
  type VideoCallOptions,
  type VideoWarning,
} from '@vgw/spec';
import { pikaSizeFor } from './fal-models.js';
import type { FalOptions } from './fal-options.js';
import type { FalEndpoint } from './fal-settings.js';

export interface FalInput {
  input: Record<string, JSONValue>;
  warnings: VideoWarning[];
}

/** fal takes file inputs as URLs and accepts a base64 data: URI in their place. */
async function dataUrl(image: { path: string; mediaType: string }): Promise<string> {
  const bytes = await readFile(image.path);
  return `data:${image.mediaType};base64,${bytes.toString('base64')}`;
}

function pikaInput(
  endpoint: FalEndpoint,
  options: VideoCallOptions,
  input: Record<string, JSONValue>,
) {
  const size = pikaSizeFor(options.width, options.height);
  if (size == null) {
    throw new InvalidRequestError(`pika cannot render ${options.width}x${options.height}`, 'size');
  }
  input.resolution = size.resolution;
  // Pika's duration is a string enum ("5" | "10") in fal's endpoint schema.
  input.duration = String(options.seconds);
  const warnings: VideoWarning[] = [];
  if (endpoint.kind === 'pika-text') input.aspect_ratio = size.aspectRatio;
  else if (size.aspectRatio !== '16:9') {
    warnings.push({
      type: 'other',
      message: `image-to-video follows the input image's shape; only the ${size.resolution} of size ${size.size} is used`,
    });
  }
  return warnings;
}

/** Fields the adapter sets itself; `provider_options.fal.input` may not override them. */
const ownFields = [
  'prompt',
  'negative_prompt',
  'seed',
  'image_url',
  'resolution',
  'duration',
  'aspect_ratio',
];

/** The endpoint's input JSON for one render. */
export async function buildFalInput(
  endpoint: FalEndpoint,
  options: VideoCallOptions,
  falOptions: FalOptions,
): Promise<FalInput> {
  for (const key of Object.keys(falOptions.input ?? {})) {
    if (ownFields.includes(key) && endpoint.kind !== 'generic') {
      throw new InvalidRequestError(
        `provider_options.fal.input.${key} is set from the request itself`,
        `provider_options.fal.input.${key}`,
      );
    }
  }
  const input: Record<string, JSONValue> = { ...falOptions.input, prompt: options.prompt };
  if (falOptions.negative_prompt != null) input.negative_prompt = falOptions.negative_prompt;
  if (options.seed != null) input.seed = options.seed;
  if (endpoint.kind === 'pika-image' && options.inputReference == null) {
    throw new InvalidRequestError(
      `${endpoint.id} needs an input_reference image`,
      'input_reference',
    );
  }
  if (options.inputReference != null) input.image_url = await dataUrl(options.inputReference);
  if (endpoint.kind !== 'generic') {
    return { input, warnings: pikaInput(endpoint, options, input) };
  }
  return {
    input,
    warnings: [
      {
        type: 'other',
        message: `seconds and size are not sent to ${endpoint.id}; set its own fields in provider_options.fal.input`,
      },
    ],
  };
}
