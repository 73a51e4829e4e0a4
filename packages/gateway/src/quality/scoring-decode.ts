import type { DecoderOptions } from './decoder-process.js';
import { DecoderProcess, FrameAssembler } from './decoder-process.js';
import type { DecodedFrame } from './frame-stream.js';
import type { NativeAccumulator } from './native-pass.js';
import { readNativeGrids } from './native-pass.js';
import { gridOutput, nativeGraph, reductionGrid } from './native-reduction.js';

type Size = { width: number; height: number };

export interface ScoringDecodeOptions extends DecoderOptions {
  /** Source size: the native measurements are exact at it. */
  native: Size;
  /** Flow-analysis size: the RGB frames are scaled to it (`flags=area`). */
  analysis: Size;
}

/**
 * One decode, three outputs: area-scaled RGB on fd 1, and the native frames reduced by ffmpeg
 * (`native-reduction.ts`) to a luma grid on fd 3 and a pair-difference grid on fd 4. Decoding
 * once saves a whole decode; reducing in ffmpeg saves piping every native frame to Node.
 */
function scoringArguments(options: ScoringDecodeOptions, grid: Size): string[] {
  const { width, height } = options.analysis;
  const graph = [
    '[0:v:0]split=2[native][small]',
    nativeGraph('native', grid),
    `[small]scale=${width}:${height}:flags=area,format=rgb24[rgb]`,
  ].join(';');
  return [
    ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-i', options.file],
    ...['-filter_complex', graph],
    ...['-map', '[rgb]', '-f', 'rawvideo', '-vsync', '0', '-pix_fmt', 'rgb24', 'pipe:1'],
    ...gridOutput('luma', 'pipe:3'),
    ...gridOutput('difference', 'pipe:4'),
  ];
}

/**
 * Streams the analysis-size RGB frames of one decode (fresh buffers: the analysis keeps some),
 * feeding `native` from the same decode as it goes. The RGB pipe's backpressure paces ffmpeg; the
 * grid pipes are drained as they come. A clip costs a few analysis frames of memory.
 */
export async function* streamScoringFrames(
  options: ScoringDecodeOptions,
  native: NativeAccumulator,
): AsyncGenerator<DecodedFrame> {
  const grid = reductionGrid(options.native);
  const assembler = new FrameAssembler(options.analysis.width * options.analysis.height * 3);
  const decoder = new DecoderProcess(options, scoringArguments(options, grid), 3);
  try {
    const [rgb, ...grids] = decoder.outputs;
    const readers = readNativeGrids(grids, grid.width * grid.height, native);
    let index = 0;
    for await (const chunk of rgb as AsyncIterable<Buffer>) {
      for (const data of assembler.push(chunk)) {
        yield { index, ...options.analysis, channels: 3, data };
        index += 1;
      }
    }
    await Promise.all(readers.map((reader) => reader.ended));
    const truncated =
      assembler.partial ||
      readers.some((reader) => reader.partial) ||
      !native.complete ||
      native.result.frames !== index;
    await decoder.finish(truncated);
  } finally {
    decoder.close();
  }
}
