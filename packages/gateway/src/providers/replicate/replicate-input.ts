import { readFile } from 'node:fs/promises';
import type { JSONObject, VideoCallOptions, VideoWarning } from '@vgw/spec';
import type { ReplicateModelSpec } from './replicate-models.js';
import type { ReplicateOptions } from './replicate-options.js';

export interface ReplicateInput {
  input: JSONObject;
  warnings: VideoWarning[];
  sentImage: boolean;
}

/** Replicate takes files as URLs or data URIs; the stored image goes inline. */
async function dataUri(path: string, mediaType: string): Promise<string> {
  return `data:${mediaType};base64,${(await readFile(path)).toString('base64')}`;
}

function unsupported(param: string, modelId: string, what: string): VideoWarning {
  return {
    type: 'unsupported',
    param,
    message: `replicate model ${modelId} declares no input for ${what}; the model chooses it`,
  };
}

/**
 * The prediction's `input`: the model's fixed inputs, then the caller's
 * provider_options.replicate.input, then the gateway's own parameters under the model's names.
 * A parameter the model has no input for is left out with an `unsupported` warning.
 */
export async function buildReplicateInput(
  spec: ReplicateModelSpec,
  options: VideoCallOptions,
  replicateOptions: ReplicateOptions,
): Promise<ReplicateInput> {
  const warnings: VideoWarning[] = [];
  const size = `${options.width}x${options.height}`;
  const sizeInput = spec.sizeInputs[size];
  const input: JSONObject = { ...spec.input, ...replicateOptions.input, ...sizeInput };
  input.prompt = options.prompt;
  const { fields } = spec;
  if (fields.seconds != null) input[fields.seconds] = options.seconds;
  else if (spec.capabilities.durations.kind === 'range')
    warnings.push(unsupported('seconds', spec.modelId, 'the duration'));
  if (sizeInput == null && spec.capabilities.sizes.kind === 'range')
    warnings.push(unsupported('size', spec.modelId, 'the size'));
  if (fields.fps != null) input[fields.fps] = options.fps;
  if (fields.seed != null && options.seed != null) input[fields.seed] = options.seed;
  let sentImage = false;
  if (options.inputReference != null && fields.image != null) {
    input[fields.image] = await dataUri(
      options.inputReference.path,
      options.inputReference.mediaType,
    );
    sentImage = true;
  } else if (options.inputReference != null) {
    warnings.push(unsupported('input_reference', spec.modelId, 'an image'));
  }
  return { input, warnings, sentImage };
}
