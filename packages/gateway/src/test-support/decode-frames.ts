import { bytesPerPixel, type RawPixelFormat } from '../media/raw-pixel-format.js';
import { runCommand } from '../media/run-command.js';

export interface DecodeFramesOptions {
  /** Zero-based frame numbers; returned in ascending order. */
  frames: readonly number[];
  width: number;
  height: number;
  pixelFormat: RawPixelFormat;
}

/**
 * Decodes chosen frames of a video to raw pixels (scaled to width x height), for measuring
 * motion or colour. Throws unless every requested frame came back. Tests only: it buffers every
 * frame at once, where scoring streams them (quality/frame-stream.ts).
 */
export async function decodeFrames(
  ffmpegPath: string,
  file: string,
  options: DecodeFramesOptions,
): Promise<Buffer[]> {
  const wanted = [...new Set(options.frames)].sort((left, right) => left - right);
  const select = wanted.map((frame) => `eq(n,${frame})`).join('+');
  const result = await runCommand(
    ffmpegPath,
    [
      ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-i', file],
      ...['-vf', `select='${select}',scale=${options.width}:${options.height}`, '-vsync', '0'],
      ...['-f', 'rawvideo', '-pix_fmt', options.pixelFormat, '-'],
    ],
    { timeoutMs: 60_000 },
  );
  if (result.exitCode !== 0) throw new Error(`decoding ${file} failed: ${result.stderr.trim()}`);
  const frameBytes = options.width * options.height * bytesPerPixel[options.pixelFormat];
  if (result.stdout.length !== frameBytes * wanted.length) {
    throw new Error(
      `decoding ${file} gave ${result.stdout.length} bytes, expected ${wanted.length} frames`,
    );
  }
  return wanted.map((_, index) =>
    result.stdout.subarray(index * frameBytes, (index + 1) * frameBytes),
  );
}
