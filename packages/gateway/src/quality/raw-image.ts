/** A frame's pixels: `channels` bytes per pixel (1 = gray, 3 = RGB), rows top to bottom. */
export interface RawImage {
  width: number;
  height: number;
  channels: 1 | 3;
  data: Uint8Array;
}

/** BT.601 luma from RGB, the weights ffmpeg and OpenCV use for a gray conversion. */
export function toGray(image: RawImage): RawImage {
  if (image.channels === 1) return image;
  const pixels = image.width * image.height;
  const gray = new Uint8Array(pixels);
  const data = image.data;
  for (let pixel = 0, offset = 0; pixel < pixels; pixel += 1, offset += 3) {
    gray[pixel] = Math.round(
      0.299 * (data[offset] ?? 0) +
        0.587 * (data[offset + 1] ?? 0) +
        0.114 * (data[offset + 2] ?? 0),
    );
  }
  return { width: image.width, height: image.height, channels: 1, data: gray };
}

/** Mean of all samples, 0–255 (for a gray frame: its mean luma). */
export function meanSample(image: RawImage): number {
  let total = 0;
  for (const value of image.data) total += value;
  return image.data.length === 0 ? 0 : total / image.data.length;
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return 0;
  let total = 0;
  for (const value of values) total += value;
  return total / values.length;
}

/** Mean of the largest `fraction` of the values (VBench's "top-k" flow statistic). */
export function topFractionMean(values: Float32Array, fraction: number): number {
  if (values.length === 0) return 0;
  const sorted = Float32Array.from(values).sort();
  const count = Math.max(1, Math.floor(sorted.length * fraction));
  let total = 0;
  for (let index = sorted.length - count; index < sorted.length; index += 1) {
    total += sorted[index] ?? 0;
  }
  return total / count;
}
