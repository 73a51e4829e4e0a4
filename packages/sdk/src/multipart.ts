import type { VideoCreateParams } from './types.js';

export function isBlob(value: unknown): value is Blob {
  return typeof Blob !== 'undefined' && value instanceof Blob;
}

/** Servers often sniff the type from the extension, so give unnamed blobs one. */
function fileNameOf(blob: Blob): string {
  if ('name' in blob && typeof blob.name === 'string' && blob.name !== '') return blob.name;
  const subtype = /^[a-z]+\/([a-z0-9.+-]+)/i.exec(blob.type)?.[1];
  return subtype == null ? 'input_reference' : `input_reference.${subtype}`;
}

/**
 * The multipart form for a create with an uploaded `input_reference`: every field as a string,
 * objects (`provider_options`) as JSON strings, the image as a file part.
 */
export function toMultipartBody(params: VideoCreateParams, image: Blob): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(params)) {
    if (value == null || name === 'input_reference') continue;
    form.append(name, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  form.append('input_reference', image, fileNameOf(image));
  return form;
}
