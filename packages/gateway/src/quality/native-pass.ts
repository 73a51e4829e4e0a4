import type { DecoderOptions } from './decoder-process.js';
import { DecoderProcess } from './decoder-process.js';
import { GridReader, gridOutput, nativeGraph, reductionGrid } from './native-reduction.js';

export interface NativePassResult {
  frames: number;
  /** Gray mean absolute difference of each consecutive pair, 0–255 (VBench flicker, freezes). */
  pairDifferences: number[];
  /** Mean luma of each frame, 0–255 (luma flicker). */
  meanLumas: number[];
}

/**
 * The native-resolution measurements, from the grids ffmpeg reduces each native frame to (see
 * `native-reduction.ts`): a grid's mean is the frame's mean, exactly up to 16-bit rounding.
 */
export class NativeAccumulator {
  readonly result: NativePassResult = { frames: 0, pairDifferences: [], meanLumas: [] };

  addLuma(mean: number): void {
    this.result.meanLumas.push(mean);
    this.result.frames += 1;
  }

  addDifference(mean: number): void {
    this.result.pairDifferences.push(mean);
  }

  /** Each frame has its luma and each consecutive pair its difference, or the decode was cut. */
  get complete(): boolean {
    const { frames, pairDifferences } = this.result;
    return pairDifferences.length === Math.max(0, frames - 1);
  }
}

/** Starts reading the luma (index 0) and difference (1) grid pipes into `accumulator`. */
export function readNativeGrids(
  pipes: readonly NodeJS.ReadableStream[],
  gridCells: number,
  accumulator: NativeAccumulator,
): GridReader[] {
  return [
    new GridReader(pipes[0]!, gridCells, (mean) => accumulator.addLuma(mean)),
    new GridReader(pipes[1]!, gridCells, (mean) => accumulator.addDifference(mean)),
  ];
}

/** The native pass on its own decode (the scorer shares its decode; tests cross-check this). */
export async function runNativePass(
  options: DecoderOptions & { width: number; height: number },
): Promise<NativePassResult> {
  const grid = reductionGrid(options);
  const args = [
    ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-i', options.file],
    ...['-filter_complex', nativeGraph('0:v:0', grid)],
    ...gridOutput('luma', 'pipe:1'),
    ...gridOutput('difference', 'pipe:3'),
  ];
  const decoder = new DecoderProcess(options, args, 2);
  try {
    const accumulator = new NativeAccumulator();
    const readers = readNativeGrids(decoder.outputs, grid.width * grid.height, accumulator);
    await Promise.all(readers.map((reader) => reader.ended));
    const truncated = readers.some((reader) => reader.partial) || !accumulator.complete;
    await decoder.finish(truncated);
    return accumulator.result;
  } finally {
    decoder.close();
  }
}
