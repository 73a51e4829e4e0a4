export type ScreenableImageFormat = 'png' | 'jpeg' | 'webp';

/**
 * The formats screening decodes, recognised by their magic bytes before any decoder sees the
 * file: SVG, TIFF, HEIF and the rest never reach libvips from here. The create path has its own
 * copy in generation/ (a lower layer may not import it).
 */
export function detectImageFormat(bytes: Uint8Array): ScreenableImageFormat | null {
  const startsWith = (signature: readonly number[], offset = 0) =>
    signature.every((byte, index) => bytes[offset + index] === byte);
  if (startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith([0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith([0x52, 0x49, 0x46, 0x46]) && startsWith([0x57, 0x45, 0x42, 0x50], 8)) {
    return 'webp';
  }
  return null;
}
