import { FrameAssembler } from './decoder-process.js';

type Size = { width: number; height: number };

/**
 * The grid ffmpeg area-averages each native frame (and each pair's difference) to: 32×18, never
 * more than the frame. Any grid gives the same mean (each cell covers an equal share of the
 * frame); a few hundred cells keep swscale's rounding of its box weights below 1e-3.
 */
export function reductionGrid(native: Size): Size {
  return { width: Math.min(32, native.width), height: Math.min(18, native.height) };
}

/**
 * ffmpeg filter chains from the decoded frames `[input]` to two 16-bit grids per frame, so Node
 * receives ≈1 KB instead of a whole native frame (110 MB per 5 s of 720p through a pipe):
 * - `[luma]`: the gray frame, widened to 16 bits (×257, exact) and area-averaged;
 * - `[difference]`: `tblend` |I(t+1) − I(t)| per pixel at native size (exact; N−1 frames), the
 *   same reduction: its mean is the pair's MAE, VBench's flicker term.
 * Widening happens before the reduction because swscale's 8-bit output would round every cell
 * to an integer level (a ±0.5 bias on the mean luma).
 */
export function nativeGraph(input: string, grid: Size): string {
  const scale = `scale=${grid.width}:${grid.height}:flags=area`;
  return [
    `[${input}]format=gray,format=gray16le,split=2[nativeLuma][nativePairs]`,
    `[nativeLuma]${scale}[luma]`,
    `[nativePairs]tblend=all_mode=difference,${scale}[difference]`,
  ].join(';');
}

/** ffmpeg output options for one grid stream. */
export function gridOutput(label: string, pipe: string): string[] {
  return ['-map', `[${label}]`, '-f', 'rawvideo', '-vsync', '0', '-pix_fmt', 'gray16le', pipe];
}

/** The mean of a 16-bit grid, back on the 0–255 scale. */
export function gridMean(grid: Buffer): number {
  let sum = 0;
  for (let offset = 0; offset < grid.length; offset += 2) sum += grid.readUInt16LE(offset);
  return sum / (grid.length / 2) / 257;
}

/**
 * Reads one grid pipe as fast as ffmpeg writes it, never pausing: grids are tiny, and only the
 * analysis pipe carries backpressure, so ffmpeg can never block on a pipe nobody is reading.
 */
export class GridReader {
  private readonly assembler: FrameAssembler;
  readonly ended: Promise<void>;

  constructor(pipe: NodeJS.ReadableStream, cells: number, onMean: (mean: number) => void) {
    this.assembler = new FrameAssembler(cells * 2);
    pipe.on('data', (chunk: Buffer) => {
      for (const grid of this.assembler.push(chunk)) {
        onMean(gridMean(grid));
        this.assembler.free.push(grid);
      }
    });
    this.ended = new Promise((resolve) => {
      for (const event of ['end', 'close', 'error']) pipe.on(event, () => resolve());
    });
  }

  get partial(): boolean {
    return this.assembler.partial;
  }
}
