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
  const data = image.data;
  let total = 0;
  for (let index = 0; index < data.length; index += 1) total += data[index] as number;
  return data.length === 0 ? 0 : total / data.length;
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return 0;
  let total = 0;
  for (const value of values) total += value;
  return total / values.length;
}

/**
 * Rearranges `values` so that position `k` holds the value a full sort would put there, smaller or
 * equal values before it and larger or equal after (Hoare's selection, median of three): O(n),
 * where sorting a 160×90 flow's magnitudes for every pair was a tenth of the analysis time.
 */
function selectInPlace(values: Float32Array, k: number): void {
  let low = 0;
  let high = values.length - 1;
  while (high > low) {
    const middle = (low + high) >> 1;
    const [a, b, c] = [values[low] as number, values[middle] as number, values[high] as number];
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let left = low;
    let right = high;
    while (left <= right) {
      while ((values[left] as number) < pivot) left += 1;
      while ((values[right] as number) > pivot) right -= 1;
      if (left <= right) {
        const swap = values[left] as number;
        values[left] = values[right] as number;
        values[right] = swap;
        left += 1;
        right -= 1;
      }
    }
    if (k <= right) high = right;
    else if (k >= left) low = left;
    else return;
  }
}

/** Mean of the largest `fraction` of the values (VBench's "top-k" flow statistic). */
export function topFractionMean(values: Float32Array, fraction: number): number {
  if (values.length === 0) return 0;
  const selected = Float32Array.from(values);
  const count = Math.max(1, Math.floor(selected.length * fraction));
  selectInPlace(selected, selected.length - count);
  let total = 0;
  for (let index = selected.length - count; index < selected.length; index += 1) {
    total += selected[index] as number;
  }
  return total / count;
}

/** Mean absolute difference of two equally sized raw frames, 0–255. */
export function meanAbsoluteDifference(first: Uint8Array, second: Uint8Array): number {
  if (first.length !== second.length || first.length === 0) {
    throw new RangeError('frames must be non-empty and of equal size');
  }
  let total = 0;
  for (let index = 0; index < first.length; index += 1) {
    total += Math.abs((first[index] ?? 0) - (second[index] ?? 0));
  }
  return total / first.length;
}
