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
 * Sum of samples and sum of absolute differences to `previous` in one pass over the bytes, four
 * at a time: the native pass touches every pixel of every frame, so this loop is most of its cost
 * (≈1 ms per 720p frame; a `for…of` mean plus a separate MAE loop took ≈10 ms).
 */
function frameSums(current: Uint8Array, previous: Uint8Array): [number, number] {
  let sum = 0;
  let difference = 0;
  const whole = current.length - (current.length % 4);
  let index = 0;
  for (; index < whole; index += 4) {
    const a = current[index]!;
    const b = current[index + 1]!;
    const c = current[index + 2]!;
    const d = current[index + 3]!;
    sum += a + b + c + d;
    difference +=
      Math.abs(a - previous[index]!) +
      Math.abs(b - previous[index + 1]!) +
      Math.abs(c - previous[index + 2]!) +
      Math.abs(d - previous[index + 3]!);
  }
  for (; index < current.length; index += 1) {
    sum += current[index]!;
    difference += Math.abs(current[index]! - previous[index]!);
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
    const [sum, difference] = frameSums(frame.data, this.previous ?? frame.data);
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
