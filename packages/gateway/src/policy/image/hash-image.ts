import sharp from 'sharp';
import {
  decodeScreeningImage,
  defaultScreeningImageLimits,
  type ScreeningImage,
  type ScreeningImageLimits,
} from './decode-screening-image.js';
import { perceptualHashBits } from './perceptual-hash.js';

export interface ImageHashes {
  /** 64-bit DCT perceptual hash (sharp-phash's, bit for bit), 16 hex digits. */
  phash: string;
  /** The same of the horizontally mirrored image: a flip moves the hash ~30 of 64 bits. */
  mirrorPhash: string;
  /** Of the bytes as given, for the audit. */
  sha256: string;
  /**
   * Standard deviation of luma (0-255 scale). Near 0 (a black frame, a solid fill) the DCT holds
   * only rounding noise, so the hash says nothing and is never matched.
   */
  contrast: number;
}

function lumaDeviation(pixels: Buffer): number {
  let sum = 0;
  let squares = 0;
  const count = pixels.length / 3;
  for (let offset = 0; offset < pixels.length; offset += 3) {
    const luma =
      0.299 * (pixels[offset] as number) +
      0.587 * (pixels[offset + 1] as number) +
      0.114 * (pixels[offset + 2] as number);
    sum += luma;
    squares += luma * luma;
  }
  const mean = sum / count;
  return Math.sqrt(Math.max(0, squares / count - mean * mean));
}

function bitsToHex(bits: string): string {
  return BigInt(`0b${bits}`).toString(16).padStart(16, '0');
}

async function computeHashes(image: ScreeningImage): Promise<ImageHashes> {
  const raw = { width: image.pixelWidth, height: image.pixelHeight, channels: 3 as const };
  const mirrored = await sharp(image.pixels, { raw }).flop().raw().toBuffer();
  const [bits, mirrorBits] = await Promise.all([
    perceptualHashBits(image.pixels, raw),
    perceptualHashBits(mirrored, raw),
  ]);
  return {
    phash: bitsToHex(bits),
    mirrorPhash: bitsToHex(mirrorBits),
    sha256: image.sha256,
    contrast: Number(lumaDeviation(image.pixels).toFixed(3)),
  };
}

const hashesByImage = new WeakMap<ScreeningImage, Promise<ImageHashes>>();

/**
 * Hashes the decoded working copy, so lists built with `hashImage` match what screening sees.
 * Kept per decoded image: the check and the audit asking for the same bytes hash once.
 */
export function hashScreeningImage(image: ScreeningImage): Promise<ImageHashes> {
  const cached = hashesByImage.get(image);
  if (cached != null) return cached;
  const pending = computeHashes(image);
  hashesByImage.set(image, pending);
  return pending;
}

/**
 * The hashes of an image, for building known-hash lists and for the audit. Rejects with an
 * `UnsafeImageError` on anything screening would not decode.
 */
export async function hashImage(
  bytes: Uint8Array,
  limits: ScreeningImageLimits = defaultScreeningImageLimits,
): Promise<ImageHashes> {
  return hashScreeningImage(await decodeScreeningImage(bytes, limits));
}
