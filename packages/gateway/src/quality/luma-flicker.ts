import { mean } from './raw-image.js';

/**
 * Photometric (luma) flicker: mean `|L(t+1) − 2·L(t) + L(t−1)|` of per-frame mean luma (0–255,
 * full-range gray at native resolution, so it is free once flicker has decoded the frames).
 * The second difference ignores steady fades and exposure ramps and catches brightness pumping
 * (alternating ±0.05 brightness scores ≈50–60, clean ≈0.2). Blind spots: local flicker whose
 * bright and dark areas cancel in the mean; flicker slower than a few frames per cycle.
 */
export function lumaFlicker(meanLumas: readonly number[]): { value: number; perFrame: number[] } {
  const perFrame: number[] = [];
  for (let index = 1; index + 1 < meanLumas.length; index += 1) {
    const before = meanLumas[index - 1] ?? 0;
    const after = meanLumas[index + 1] ?? 0;
    perFrame.push(Math.abs(after - 2 * (meanLumas[index] ?? 0) + before));
  }
  return { value: mean(perFrame), perFrame };
}
