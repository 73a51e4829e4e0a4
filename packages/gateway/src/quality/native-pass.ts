import type { FrameStreamOptions } from './frame-stream.js';
import { streamFrames } from './frame-stream.js';
import type { RawImage } from './raw-image.js';
import { meanSample } from './raw-image.js';
import { flickerPairDifference } from './vbench-flicker.js';

export interface NativePassResult {
  frames: number;
  /** Gray mean absolute difference of each consecutive pair, 0–255 (VBench flicker, freezes). */
  pairDifferences: number[];
  /** Mean luma of each frame, 0–255 (luma flicker). */
  meanLumas: number[];
}

/**
 * The native-resolution pass: gray frames at the source size, because the MAE-based metrics
 * change with scaling (noise averages out). Costs ≈1.5 ms per 720p pair on top of decoding.
 */
export async function runNativePass(
  options: Omit<FrameStreamOptions, 'scale' | 'pixelFormat'>,
): Promise<NativePassResult> {
  const pairDifferences: number[] = [];
  const meanLumas: number[] = [];
  let previous: RawImage | null = null;
  let frames = 0;
  for await (const frame of streamFrames({ ...options, scale: false, pixelFormat: 'gray' })) {
    meanLumas.push(meanSample(frame));
    if (previous != null) pairDifferences.push(flickerPairDifference(previous, frame));
    previous = frame;
    frames += 1;
  }
  return { frames, pairDifferences, meanLumas };
}
