import type { FrameStreamOptions } from './frame-stream.js';
import { streamFrames } from './frame-stream.js';
import type { RawImage } from './raw-image.js';

export interface NativePassResult {
  frames: number;
  /** Gray mean absolute difference of each consecutive pair, 0–255 (VBench flicker, freezes). */
  pairDifferences: number[];
  /** Mean luma of each frame, 0–255 (luma flicker). */
  meanLumas: number[];
}

/**
 * Sum of samples and sum of absolute differences to `previous` in one pass over the bytes: the
 * native pass touches every pixel of every frame, so this loop is most of its cost (≈0.5 ms per
 * 720p frame; a `for…of` mean plus a separate MAE loop took ≈10 ms).
 */
function frameSums(current: Uint8Array, previous: Uint8Array | null): [number, number] {
  let sum = 0;
  let difference = 0;
  const length = current.length;
  if (previous == null) {
    for (let index = 0; index < length; index += 1) sum += current[index] as number;
    return [sum, 0];
  }
  for (let index = 0; index < length; index += 1) {
    const value = current[index] as number;
    const change = value - (previous[index] as number);
    sum += value;
    difference += change < 0 ? -change : change;
  }
  return [sum, difference];
}

/**
 * The native-resolution measurements: gray frames at the source size, because the MAE-based
 * metrics change with scaling (noise averages out). Holds only the previous frame.
 */
export class NativeAccumulator {
  private previous: Uint8Array | null = null;
  private readonly result: NativePassResult = { frames: 0, pairDifferences: [], meanLumas: [] };

  /** `frame.data` must stay unchanged until the next call (it becomes the previous frame). */
  add(frame: RawImage): void {
    if (this.previous != null && this.previous.length !== frame.data.length) {
      throw new RangeError('frames must be of equal size');
    }
    const [sum, difference] = frameSums(frame.data, this.previous);
    const samples = frame.data.length;
    this.result.meanLumas.push(samples === 0 ? 0 : sum / samples);
    if (this.previous != null) this.result.pairDifferences.push(difference / samples);
    this.previous = frame.data;
    this.result.frames += 1;
  }

  finish(): NativePassResult {
    return this.result;
  }
}

/** The native pass on its own decode (the scorer shares one decode; tests cross-check this). */
export async function runNativePass(
  options: Omit<FrameStreamOptions, 'scale' | 'pixelFormat'>,
): Promise<NativePassResult> {
  const accumulator = new NativeAccumulator();
  for await (const frame of streamFrames({ ...options, scale: false, pixelFormat: 'gray' })) {
    accumulator.add(frame);
  }
  return accumulator.finish();
}
