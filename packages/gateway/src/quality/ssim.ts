import type { RawImage } from './raw-image.js';

// The constants of ffmpeg's `ssim` filter (and x264): 8×8 windows, sums of 64 samples.
const windowConstant1 = 0.01 * 0.01 * 255 * 255 * 64;
const windowConstant2 = 0.03 * 0.03 * 255 * 255 * 64 * 63;

interface BlockSums {
  columns: number;
  rows: number;
  /** Per 4×4 block: Σa, Σb, Σ(a²+b²), Σab. */
  sums: Float64Array;
}

function blockSums(
  first: Uint8Array,
  second: Uint8Array,
  width: number,
  height: number,
): BlockSums {
  const columns = Math.floor(width / 4);
  const rows = Math.floor(height / 4);
  const sums = new Float64Array(columns * rows * 4);
  for (let row = 0; row < rows * 4; row += 1) {
    const blockRow = (row >> 2) * columns;
    for (let column = 0; column < columns * 4; column += 1) {
      const a = first[row * width + column] ?? 0;
      const b = second[row * width + column] ?? 0;
      const slot = (blockRow + (column >> 2)) * 4;
      sums[slot] = (sums[slot] ?? 0) + a;
      sums[slot + 1] = (sums[slot + 1] ?? 0) + b;
      sums[slot + 2] = (sums[slot + 2] ?? 0) + a * a + b * b;
      sums[slot + 3] = (sums[slot + 3] ?? 0) + a * b;
    }
  }
  return { columns, rows, sums };
}

function windowSsim(block: BlockSums, column: number, row: number): number {
  const totals = [0, 0, 0, 0];
  for (const [dx, dy] of [
    [0, 0],
    [1, 0],
    [0, 1],
    [1, 1],
  ] as const) {
    const slot = ((row + dy) * block.columns + column + dx) * 4;
    for (let part = 0; part < 4; part += 1) {
      totals[part] = (totals[part] ?? 0) + (block.sums[slot + part] ?? 0);
    }
  }
  const [sumA = 0, sumB = 0, sumSquares = 0, sumProducts = 0] = totals;
  const variances = sumSquares * 64 - sumA * sumA - sumB * sumB;
  const covariance = sumProducts * 64 - sumA * sumB;
  return (
    ((2 * sumA * sumB + windowConstant1) * (2 * covariance + windowConstant2)) /
    ((sumA * sumA + sumB * sumB + windowConstant1) * (variances + windowConstant2))
  );
}

/**
 * SSIM of two gray images, computed as ffmpeg's `ssim` filter does: uniform 8×8 windows on a
 * 4-pixel grid (overlapping), averaged. Matches ffmpeg's per-plane value on the same plane; a
 * range-expanded gray decode differs from ffmpeg's limited-range Y by up to ≈0.02 on noisy clips.
 */
export function structuralSimilarity(first: RawImage, second: RawImage): number {
  if (first.channels !== 1 || second.channels !== 1) throw new RangeError('SSIM needs gray images');
  if (first.width !== second.width || first.height !== second.height) {
    throw new RangeError('SSIM needs images of equal size');
  }
  const block = blockSums(first.data, second.data, first.width, first.height);
  if (block.columns < 2 || block.rows < 2) throw new RangeError('SSIM needs at least 8×8 pixels');
  let total = 0;
  for (let row = 0; row < block.rows - 1; row += 1) {
    for (let column = 0; column < block.columns - 1; column += 1) {
      total += windowSsim(block, column, row);
    }
  }
  return total / ((block.rows - 1) * (block.columns - 1));
}
