import type { FlowField } from './optical-flow.js';
import { mean } from './raw-image.js';

export interface GlobalMotion {
  x: number;
  y: number;
}

/** Mean flow of a pair: the global (camera) motion between consecutive frames, in px. */
export function globalMotion(flow: FlowField): GlobalMotion {
  let x = 0;
  let y = 0;
  const pixels = flow.width * flow.height;
  for (let pixel = 0; pixel < pixels; pixel += 1) {
    x += flow.data[2 * pixel] ?? 0;
    y += flow.data[2 * pixel + 1] ?? 0;
  }
  return pixels === 0 ? { x: 0, y: 0 } : { x: x / pixels, y: y / pixels };
}

/**
 * Camera jitter: magnitude of the second difference of global motion,
 * `|g(t+1) − 2·g(t) + g(t−1)|` per pair, averaged; px at the analysis size (160 on the long side).
 * A steady pan or zoom has constant (or zero-mean) global motion and scores ≈0; hand-held shake
 * changes direction every frame and scores high (shake fixture 3.4 vs clean 0.008 in §2.2).
 * Blind spots: a large object moving across the frame shifts the mean flow; slow drift-like shake
 * (below one frame of period) is smooth and not seen; Farneback fails on very large shakes.
 */
export function cameraJitter(motions: readonly GlobalMotion[]): {
  value: number;
  perPair: number[];
} {
  const perPair: number[] = [];
  for (let index = 1; index + 1 < motions.length; index += 1) {
    const before = motions[index - 1];
    const current = motions[index];
    const after = motions[index + 1];
    if (before == null || current == null || after == null) continue;
    perPair.push(
      Math.hypot(after.x - 2 * current.x + before.x, after.y - 2 * current.y + before.y),
    );
  }
  return { value: mean(perPair), perPair };
}
