import { openAsBlob } from 'node:fs';
import { ProviderApiError, type ImageInput, type VideoCallOptions } from '@vgw/spec';
import { openaiProviderName } from './openai-models.js';

const extensions: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
};

async function referencePart(image: ImageInput): Promise<Blob> {
  try {
    // A lazy, file-backed Blob: the image is streamed into the upload, never held whole.
    return await openAsBlob(image.path, { type: image.mediaType });
  } catch (error) {
    throw new ProviderApiError(
      openaiProviderName,
      `cannot read the input_reference image: ${(error as Error).message}`,
      { code: 'input_unreadable', retryable: false, cause: error },
    );
  }
}

/**
 * The multipart body of `POST /videos`, as the openai SDK sends it: `seconds` is a string, the
 * size is `WIDTHxHEIGHT`, and the reference image is a file part.
 */
export async function createForm(options: VideoCallOptions, model: string): Promise<FormData> {
  const form = new FormData();
  form.append('prompt', options.prompt);
  form.append('model', model);
  form.append('seconds', String(options.seconds));
  form.append('size', `${options.width}x${options.height}`);
  if (options.inputReference != null) {
    const extension = extensions[options.inputReference.mediaType] ?? 'bin';
    form.append(
      'input_reference',
      await referencePart(options.inputReference),
      `input_reference.${extension}`,
    );
  }
  return form;
}
