import { InvalidRequestError } from '@vgw/spec';
import sharp, { type Metadata } from 'sharp';
import { detectImageType } from './detect-image-type.js';

export type ImageMediaType = 'image/png' | 'image/jpeg' | 'image/webp';

export interface ImageLimits {
  maxBytes: number;
  /** Longest side in pixels. */
  maxSide: number;
  /** Width times height: what a decoder (ours, or ffmpeg in the local engine) must hold. */
  maxPixels: number;
}

/**
 * 10 MiB is above what the engines take as an input image and 4096 x 4096 pixels (16.8 MP)
 * bounds one decoded RGBA frame at 64 MiB, where a 10000 x 10000 PNG made ffmpeg hold 319 MB.
 */
export const defaultImageLimits: ImageLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxSide: 8192,
  maxPixels: 4096 * 4096,
};

export interface InspectedImage {
  mediaType: ImageMediaType;
  width: number;
  height: number;
}

const formatOf: Record<ImageMediaType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/webp': 'webp',
};

function refuse(message: string): never {
  throw new InvalidRequestError(`input_reference ${message}`, 'input_reference', 'invalid_image');
}

function checkDimensions(width: number, height: number, limits: ImageLimits): void {
  if (width > limits.maxSide || height > limits.maxSide) {
    refuse(`is ${width}x${height}; each side may be at most ${limits.maxSide} pixels`);
  }
  if (width * height > limits.maxPixels) {
    refuse(
      `is ${width}x${height} (${width * height} pixels); at most ${limits.maxPixels} are accepted`,
    );
  }
}

/**
 * Proves the bytes are the image they claim to be before anything is stored or paid for: the
 * magic bytes pick the format, the header's dimensions are checked against the limits before any
 * pixel is decoded, then the whole image is decoded (streamed, shrunk on load) so a signature
 * followed by garbage, or a truncated file, is refused too.
 */
export async function inspectImage(
  bytes: Uint8Array,
  limits: ImageLimits = defaultImageLimits,
): Promise<InspectedImage> {
  if (bytes.byteLength > limits.maxBytes) {
    refuse(`is ${bytes.byteLength} bytes; at most ${limits.maxBytes} are accepted`);
  }
  const mediaType = detectImageType(bytes);
  if (mediaType == null) refuse('must be a PNG, JPEG or WebP image');
  const options = {
    failOn: 'warning' as const,
    limitInputPixels: limits.maxPixels,
    sequentialRead: true,
  };
  let metadata: Metadata;
  try {
    // The header alone: the pixel limit is ours to report, before any decode.
    metadata = await sharp(bytes, { ...options, limitInputPixels: false }).metadata();
  } catch (error) {
    refuse(
      `is not a readable ${formatOf[mediaType].toUpperCase()} image: ${(error as Error).message}`,
    );
  }
  if (
    metadata.format !== formatOf[mediaType] ||
    metadata.width == null ||
    metadata.height == null
  ) {
    refuse(`is not a readable ${formatOf[mediaType].toUpperCase()} image`);
  }
  checkDimensions(metadata.width, metadata.height, limits);
  try {
    await sharp(bytes, options).resize(16, 16, { fit: 'inside' }).raw().toBuffer();
  } catch (error) {
    refuse(`could not be decoded: ${(error as Error).message}`);
  }
  return { mediaType, width: metadata.width, height: metadata.height };
}
