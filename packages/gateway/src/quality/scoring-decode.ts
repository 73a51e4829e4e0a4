import type { Readable } from 'node:stream';
import type { DecoderOptions } from './decoder-process.js';
import { DecoderProcess, FrameAssembler } from './decoder-process.js';
import type { DecodedFrame } from './frame-stream.js';

type Size = { width: number; height: number };

export interface PairedStreamOptions extends DecoderOptions {
  /** Source size: the gray frames come at it. */
  native: Size;
  /** Flow-analysis size: the RGB frames are scaled to it (`flags=area`). */
  analysis: Size;
}

/** Frame `index` twice: native-size gray and analysis-size RGB. */
export interface PairedFrame {
  index: number;
  native: DecodedFrame;
  analysis: DecodedFrame;
}

// Frames buffered per output before that pipe is paused (only while the other has frames too).
const queueLimit = 4;

/**
 * One decode, two outputs: `split` sends the decoded frames to native gray on fd 1 and to
 * area-scaled RGB on fd 3. Decoding once instead of twice saves a whole decode of CPU.
 */
function pairedArguments(options: PairedStreamOptions): string[] {
  const { width, height } = options.analysis;
  const graph = `[0:v:0]split=2[native][small];[native]format=gray[gray];[small]scale=${width}:${height}:flags=area,format=rgb24[rgb]`;
  const output = ['-f', 'rawvideo', '-vsync', '0'];
  return [
    ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-i', options.file],
    ...['-filter_complex', graph],
    ...['-map', '[gray]', ...output, '-pix_fmt', 'gray', 'pipe:1'],
    ...['-map', '[rgb]', ...output, '-pix_fmt', 'rgb24', 'pipe:3'],
  ];
}

/**
 * Reads both pipes into queues. A pipe is paused when its queue is full and the other queue has a
 * frame, so the consumer is never left waiting on the paused one: ffmpeg writes the two outputs
 * frame by frame, and blocking the one it is writing while we wait on the other would deadlock.
 */
class PairQueue {
  readonly queues: [Buffer[], Buffer[]] = [[], []];
  private ended = [false, false];
  private wake: (() => void) | null = null;

  constructor(
    private readonly pipes: Readable[],
    assemblers: [FrameAssembler, FrameAssembler],
  ) {
    pipes.forEach((pipe, side) => {
      pipe.on('data', (chunk: Buffer) => {
        this.queues[side]?.push(...(assemblers[side] as FrameAssembler).push(chunk));
        this.balance();
        this.notify();
      });
      pipe.on('end', () => {
        this.ended[side] = true;
        this.notify();
      });
      pipe.on('error', () => {
        this.ended[side] = true;
        this.notify();
      });
    });
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private balance(): void {
    const [native, analysis] = this.queues;
    const pauseNative = native.length >= queueLimit && analysis.length > 0;
    const pauseAnalysis = analysis.length >= queueLimit && native.length > 0;
    for (const [pipe, pause] of [
      [this.pipes[0], pauseNative],
      [this.pipes[1], pauseAnalysis],
    ] as const) {
      if (pause) pipe?.pause();
      else pipe?.resume();
    }
  }

  /** The next pair of buffers, or null once either output has ended and run dry. */
  async next(): Promise<[Buffer, Buffer] | null> {
    for (;;) {
      const [native, analysis] = this.queues;
      if (native.length > 0 && analysis.length > 0) {
        const pair: [Buffer, Buffer] = [native.shift() as Buffer, analysis.shift() as Buffer];
        this.balance();
        return pair;
      }
      if ((native.length === 0 && this.ended[0]) || (analysis.length === 0 && this.ended[1])) {
        // Let ffmpeg write (and exit) whatever it still has for the other pipe.
        for (const pipe of this.pipes) pipe.resume();
        return null;
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  get leftover(): boolean {
    return this.queues[0].length !== this.queues[1].length;
  }
}

/**
 * Streams both sizes of every frame from one ffmpeg. A native gray buffer is valid until two more
 * frames have been yielded, then reused (a consumer may hold the current and the previous frame),
 * so a 1080p clip costs a few frames of memory and little GC whatever its length; analysis
 * frames are fresh (the analysis keeps some).
 */
export async function* streamPairedFrames(
  options: PairedStreamOptions,
): AsyncGenerator<PairedFrame> {
  const nativeBytes = options.native.width * options.native.height;
  const analysisBytes = options.analysis.width * options.analysis.height * 3;
  const assemblers: [FrameAssembler, FrameAssembler] = [
    new FrameAssembler(nativeBytes),
    new FrameAssembler(analysisBytes),
  ];
  const decoder = new DecoderProcess(options, pairedArguments(options), 2);
  try {
    const queue = new PairQueue(decoder.outputs, assemblers);
    const held: Buffer[] = [];
    for (let index = 0; ; index += 1) {
      const pair = await queue.next();
      if (pair == null) break;
      const [gray, rgb] = pair;
      held.push(gray);
      if (held.length > 2) assemblers[0].free.push(held.shift() as Buffer);
      yield {
        index,
        native: { index, ...options.native, channels: 1, data: gray },
        analysis: { index, ...options.analysis, channels: 3, data: rgb },
      };
    }
    const truncated = queue.leftover || assemblers.some((assembler) => assembler.partial);
    await decoder.finish(truncated);
  } finally {
    decoder.close();
  }
}
