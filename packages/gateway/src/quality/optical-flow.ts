import type { Mat } from '@techstark/opencv-js';
import type { OpenCv } from './opencv-loader.js';
import type { RawImage } from './raw-image.js';

/** Dense flow: for each pixel, (dx, dy) interleaved, in pixels of the analysis size. */
export interface FlowField {
  width: number;
  height: number;
  data: Float32Array;
}

/**
 * Farneback parameters used for every flow metric (OpenCV's documented example values; the ones
 * measured in temporal-metrics.md §2.3). Farneback stands in for RAFT / FlowNet2, which need
 * network weights we cannot ship.
 */
export const farneback = {
  pyramidScale: 0.5,
  levels: 3,
  windowSize: 15,
  iterations: 3,
  polynomialNeighbourhood: 5,
  polynomialSigma: 1.2,
} as const;

/** Collects every Mat it creates so one `finally` frees them all: wasm memory is not GC'd. */
export class MatScope {
  private readonly mats: Mat[] = [];

  track(mat: Mat): Mat {
    this.mats.push(mat);
    return mat;
  }

  deleteAll(): void {
    for (const mat of this.mats.splice(0)) mat.delete();
  }
}

function imageMat(cv: OpenCv, scope: MatScope, image: RawImage): Mat {
  const type = image.channels === 1 ? cv.CV_8UC1 : cv.CV_8UC3;
  return scope.track(cv.matFromArray(image.height, image.width, type, image.data));
}

/** Dense optical flow from `from` to `to` (both gray, same size). */
export function computeFlow(cv: OpenCv, from: RawImage, to: RawImage): FlowField {
  const scope = new MatScope();
  try {
    const flow = scope.track(new cv.Mat());
    cv.calcOpticalFlowFarneback(
      imageMat(cv, scope, from),
      imageMat(cv, scope, to),
      flow,
      farneback.pyramidScale,
      farneback.levels,
      farneback.windowSize,
      farneback.iterations,
      farneback.polynomialNeighbourhood,
      farneback.polynomialSigma,
      0,
    );
    return { width: from.width, height: from.height, data: flow.data32F.slice() };
  } finally {
    scope.deleteAll();
  }
}

/** Absolute sampling positions x + factor·flow(x), as a CV_32FC2 map for `remap`. */
function samplingMap(cv: OpenCv, scope: MatScope, flow: FlowField, factor: number): Mat {
  const map = scope.track(new cv.Mat(flow.height, flow.width, cv.CV_32FC2));
  const positions = map.data32F;
  const data = flow.data;
  for (let row = 0, offset = 0; row < flow.height; row += 1) {
    for (let column = 0; column < flow.width; column += 1, offset += 2) {
      positions[offset] = column + factor * (data[offset] as number);
      positions[offset + 1] = row + factor * (data[offset + 1] as number);
    }
  }
  return map;
}

function remapInto(cv: OpenCv, scope: MatScope, source: Mat, map: Mat): Mat {
  const warped = scope.track(new cv.Mat());
  const unused = scope.track(new cv.Mat());
  cv.remap(source, warped, map, unused, cv.INTER_LINEAR, cv.BORDER_REPLICATE);
  return warped;
}

/** Backward warp: output(x) = image(x + factor·flow(x)), bilinear, edges replicated. */
export function warpImage(cv: OpenCv, image: RawImage, flow: FlowField, factor = 1): RawImage {
  const scope = new MatScope();
  try {
    const map = samplingMap(cv, scope, flow, factor);
    const warped = remapInto(cv, scope, imageMat(cv, scope, image), map);
    return { ...image, data: warped.data.slice() };
  } finally {
    scope.deleteAll();
  }
}

/** Samples a flow field at x + by(x), bilinear: B̃ in the forward–backward consistency check. */
export function warpFlow(cv: OpenCv, field: FlowField, by: FlowField): FlowField {
  const scope = new MatScope();
  try {
    const map = samplingMap(cv, scope, by, 1);
    const source = scope.track(cv.matFromArray(field.height, field.width, cv.CV_32FC2, field.data));
    const warped = remapInto(cv, scope, source, map);
    return { ...field, data: warped.data32F.slice() };
  } finally {
    scope.deleteAll();
  }
}

/**
 * Flow over two steps, a→b then b→c: `first(x) + second(x + first(x))` (the second field sampled
 * bilinearly where the first one lands).
 */
export function composeFlows(cv: OpenCv, first: FlowField, second: FlowField): FlowField {
  const carried = warpFlow(cv, second, first);
  const data = new Float32Array(first.data.length);
  for (let index = 0; index < data.length; index += 1) {
    data[index] = (first.data[index] as number) + (carried.data[index] as number);
  }
  return { ...first, data };
}

/** Per-pixel flow magnitude in pixels (`Math.hypot` was 5× slower here). */
export function flowMagnitudes(flow: FlowField): Float32Array {
  const magnitudes = new Float32Array(flow.width * flow.height);
  const data = flow.data;
  for (let pixel = 0; pixel < magnitudes.length; pixel += 1) {
    const x = data[2 * pixel] as number;
    const y = data[2 * pixel + 1] as number;
    magnitudes[pixel] = Math.sqrt(x * x + y * y);
  }
  return magnitudes;
}
