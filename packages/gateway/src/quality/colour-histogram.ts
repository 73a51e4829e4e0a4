import type { RawImage } from './raw-image.js';

/** Joint RGB histogram with `bins`³ cells, normalised to sum 1 (8 bins per channel by default). */
export function colourHistogram(image: RawImage, bins = 8): Float64Array {
  const histogram = new Float64Array(bins ** 3);
  const shift = 256 / bins;
  const pixels = image.width * image.height;
  for (let pixel = 0; pixel < pixels; pixel += 1) {
    const offset = pixel * image.channels;
    const red = Math.floor((image.data[offset] ?? 0) / shift);
    const green = image.channels === 3 ? Math.floor((image.data[offset + 1] ?? 0) / shift) : red;
    const blue = image.channels === 3 ? Math.floor((image.data[offset + 2] ?? 0) / shift) : red;
    const cell = (red * bins + green) * bins + blue;
    histogram[cell] = (histogram[cell] ?? 0) + 1;
  }
  if (pixels > 0) for (let cell = 0; cell < histogram.length; cell += 1) histogram[cell]! /= pixels;
  return histogram;
}

/**
 * Bhattacharyya distance of two normalised histograms, as OpenCV's HISTCMP_BHATTACHARYYA:
 * `sqrt(1 − Σ sqrt(p·q))`, 0 = identical, 1 = disjoint.
 */
export function bhattacharyyaDistance(first: Float64Array, second: Float64Array): number {
  let overlap = 0;
  for (let cell = 0; cell < first.length; cell += 1) {
    overlap += Math.sqrt((first[cell] ?? 0) * (second[cell] ?? 0));
  }
  return Math.sqrt(Math.max(0, 1 - overlap));
}
