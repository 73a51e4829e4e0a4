import { createHash } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import { detectImageFormat, type ScreenableImageFormat } from './detect-image-format.js';
import { UnsafeImageError } from './unsafe-image-error.js';

export interface ScreeningImageLimits {
  maxBytes: number;
  /** Longest side in pixels, as stored. */
  maxSide: number;
  /** Width times height: what the decoder would have to hold. */
  maxPixels: number;
  /** libvips stops a decode that runs longer (whole seconds). */
  timeoutSeconds: number;
}

/** The create path's limits (ADR 0008), so an image it accepted is never refused here. */
export const defaultScreeningImageLimits: ScreeningImageLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxSide: 8192,
  maxPixels: 4096 * 4096,
  timeoutSeconds: 5,
};

/**
 * The image as every check reads it: upright (EXIF orientation applied), transparency flattened
 * onto black, sRGB, 8 bits, at most `workingSide` pixels on its longest side. Decoding once to
 * this keeps a 1280x720 image to one full decode however many checks read it.
 */
export interface ScreeningImage {
  format: ScreenableImageFormat;
  /** As stored, before orientation and shrinking. */
  width: number;
  height: number;
  sha256: string;
  /** Raw RGB, 3 bytes a pixel, row by row. */
  pixels: Buffer;
  pixelWidth: number;
  pixelHeight: number;
}

const workingSide = 512;

function isVideoContainer(bytes: Uint8Array): boolean {
  const boxType = String.fromCharCode(...bytes.subarray(4, 8));
  const ebml = [0x1a, 0x45, 0xdf, 0xa3].every((byte, index) => bytes[index] === byte);
  return boxType === 'ftyp' || ebml;
}

function checkBytes(bytes: Uint8Array, limits: ScreeningImageLimits): ScreenableImageFormat {
  if (bytes.byteLength > limits.maxBytes) {
    throw new UnsafeImageError(
      'too_large',
      `is ${bytes.byteLength} bytes; at most ${limits.maxBytes} are accepted`,
    );
  }
  const format = detectImageFormat(bytes);
  if (format != null) return format;
  throw new UnsafeImageError(
    'unsupported_type',
    isVideoContainer(bytes)
      ? 'is a video, not an image; it must be a PNG, JPEG or WebP image'
      : 'must be a PNG, JPEG or WebP image',
  );
}

function checkDimensions(metadata: Metadata, limits: ScreeningImageLimits): void {
  const { width, height } = metadata;
  if (width > limits.maxSide || height > limits.maxSide) {
    throw new UnsafeImageError(
      'too_many_pixels',
      `is ${width}x${height}; each side may be at most ${limits.maxSide} pixels`,
    );
  }
  if (width * height > limits.maxPixels) {
    throw new UnsafeImageError(
      'too_many_pixels',
      `is ${width}x${height} (${width * height} pixels); at most ${limits.maxPixels} are accepted`,
    );
  }
}

async function readHeader(bytes: Uint8Array, format: ScreenableImageFormat): Promise<Metadata> {
  const name = format.toUpperCase();
  try {
    // The header alone, with no pixel limit: the dimensions are ours to judge before any decode.
    const metadata = await sharp(bytes, { failOn: 'warning', limitInputPixels: false }).metadata();
    if (metadata.format === format && metadata.width > 0 && metadata.height > 0) return metadata;
  } catch (error) {
    throw new UnsafeImageError(
      'undecodable',
      `is not a readable ${name} image: ${(error as Error).message}`,
    );
  }
  throw new UnsafeImageError('undecodable', `is not a readable ${name} image`);
}

async function decodePixels(bytes: Uint8Array, limits: ScreeningImageLimits) {
  try {
    return await sharp(bytes, {
      failOn: 'warning',
      limitInputPixels: limits.maxPixels,
      sequentialRead: true,
    })
      .timeout({ seconds: limits.timeoutSeconds })
      .rotate()
      .flatten({ background: '#000000' })
      .resize(workingSide, workingSide, { fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    const message = (error as Error).message;
    if (/timeout/i.test(message)) {
      throw new UnsafeImageError(
        'timed_out',
        `took longer than ${limits.timeoutSeconds} s to decode`,
      );
    }
    throw new UnsafeImageError('undecodable', `could not be decoded: ${message}`);
  }
}

async function decode(bytes: Uint8Array, limits: ScreeningImageLimits): Promise<ScreeningImage> {
  const format = checkBytes(bytes, limits);
  const metadata = await readHeader(bytes, format);
  checkDimensions(metadata, limits);
  const { data, info } = await decodePixels(bytes, limits);
  if (info.channels !== 3) {
    throw new UnsafeImageError('undecodable', `decoded to ${info.channels} channels, not RGB`);
  }
  return {
    format,
    width: metadata.width,
    height: metadata.height,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    pixels: data,
    pixelWidth: info.width,
    pixelHeight: info.height,
  };
}

const decodedByLimits = new WeakMap<
  ScreeningImageLimits,
  WeakMap<Uint8Array, Promise<ScreeningImage>>
>();

/**
 * Decodes untrusted bytes within `limits`, or rejects with an `UnsafeImageError`: size and type
 * (magic bytes) first, then the header's dimensions, then one bounded decode (libvips pixel
 * limit, `failOn: 'warning'` so truncated or corrupt files are refused, a timeout). The result
 * is shared by every check given the same bytes object (and limits), so the hash and the
 * classifier decode once between them; the bytes must not be changed in place meanwhile.
 */
export function decodeScreeningImage(
  bytes: Uint8Array,
  limits: ScreeningImageLimits = defaultScreeningImageLimits,
): Promise<ScreeningImage> {
  let decoded = decodedByLimits.get(limits);
  if (decoded == null) {
    decoded = new WeakMap();
    decodedByLimits.set(limits, decoded);
  }
  const cached = decoded.get(bytes);
  if (cached != null) return cached;
  const pending = decode(bytes, limits);
  decoded.set(bytes, pending);
  return pending;
}
