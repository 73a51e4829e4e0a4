import type { OpenCv } from './opencv-loader.js';
import type { FlowField } from './optical-flow.js';
import { warpFlow, warpImage } from './optical-flow.js';
import type { RawImage } from './raw-image.js';
import { mean } from './raw-image.js';

/**
 * Flow-warped error (Lai et al. 2018, "Learning Blind Video Temporal Consistency"; EvalCrafter's
 * warping error): warp frame t+1 back onto frame t with the forward flow and take the MSE over
 * pixels the flow can explain. Detects flicker and temporal noise while forgiving real motion
 * (flicker clip ≈ 26× the clean one). Analysis size: 160 on the long side (160×90 for 16:9),
 * RGB in [0, 1]. Flow is Farneback (Lai used FlowNet2, EvalCrafter RAFT), so absolute values differ
 * from published ones. Blind spots: large or fast motion breaks Farneback and inflates the error;
 * textureless regions carry little signal; scene cuts give one huge pair.
 */
export function occlusionMask(forward: FlowField, backwardAtForward: FlowField): Uint8Array {
  const { width, height } = forward;
  const valid = new Uint8Array(width * height);
  const flow = forward.data;
  const back = backwardAtForward.data;
  for (let row = 0; row < height; row += 1) {
    for (let column = 0; column < width; column += 1) {
      const pixel = row * width + column;
      const fx = flow[2 * pixel] ?? 0;
      const fy = flow[2 * pixel + 1] ?? 0;
      const bx = back[2 * pixel] ?? 0;
      const by = back[2 * pixel + 1] ?? 0;
      const forwardSquared = fx * fx + fy * fy;
      // Forward–backward check: a visible point's flow there and back cancels out.
      const mismatch = (fx + bx) ** 2 + (fy + by) ** 2;
      const inconsistent = mismatch > 0.01 * (forwardSquared + bx * bx + by * by) + 0.5;
      // Motion boundary (forward differences): flow changes sharply where objects occlude.
      const right = column + 1 < width ? pixel + 1 : pixel;
      const below = row + 1 < height ? pixel + width : pixel;
      const dux = (flow[2 * right] ?? 0) - fx;
      const duy = (flow[2 * below] ?? 0) - fx;
      const dvx = (flow[2 * right + 1] ?? 0) - fy;
      const dvy = (flow[2 * below + 1] ?? 0) - fy;
      const boundary =
        dux * dux + duy * duy + dvx * dvx + dvy * dvy > 0.01 * forwardSquared + 0.002;
      valid[pixel] = inconsistent || boundary ? 0 : 1;
    }
  }
  return valid;
}

/** Masked MSE in [0,1]² units over non-occluded pixels × channels (Lai's normalisation). */
export function maskedSquaredError(
  reference: RawImage,
  warped: RawImage,
  valid: Uint8Array,
): number {
  const channels = reference.channels;
  let total = 0;
  let count = 0;
  for (let pixel = 0; pixel < valid.length; pixel += 1) {
    if (valid[pixel] === 0) continue;
    for (let channel = 0; channel < channels; channel += 1) {
      const offset = pixel * channels + channel;
      const difference = ((warped.data[offset] ?? 0) - (reference.data[offset] ?? 0)) / 255;
      total += difference * difference;
    }
    count += channels;
  }
  return count === 0 ? 0 : total / count;
}

/** Warping error of one pair, given flows t→t+1 (`forward`) and t+1→t (`backward`). */
export function warpingErrorPair(
  cv: OpenCv,
  current: RawImage,
  next: RawImage,
  forward: FlowField,
  backward: FlowField,
): number {
  const backwardAtForward = warpFlow(cv, backward, forward);
  const valid = occlusionMask(forward, backwardAtForward);
  return maskedSquaredError(current, warpImage(cv, next, forward), valid);
}

/** Video warping error: mean over pairs; lower is better. */
export function warpingErrorScore(pairErrors: readonly number[]): number {
  return mean(pairErrors);
}
