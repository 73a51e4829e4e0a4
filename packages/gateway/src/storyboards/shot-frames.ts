import { runCommand } from '../media/run-command.js';
import type { RawImage } from '../quality/raw-image.js';

export interface FrameRequest {
  /** The first frame, or the last one (what a continued shot starts from). */
  which: 'first' | 'last';
  width: number;
  height: number;
}

/**
 * One frame of a video as RGB, scaled to `width` x `height` (its own size for an exact copy).
 * The last frame is found by decoding the final second backwards rather than by a frame count,
 * which a container can misstate; `-sseof` beyond the start of a short clip is ignored.
 */
export async function decodeShotFrame(
  ffmpegPath: string,
  file: string,
  request: FrameRequest,
): Promise<RawImage> {
  const seek = request.which === 'last' ? ['-sseof', '-1'] : [];
  const reverse = request.which === 'last' ? 'reverse,' : '';
  const result = await runCommand(
    ffmpegPath,
    [
      ...['-hide_banner', '-loglevel', 'error', '-nostdin', ...seek, '-i', file],
      ...['-vf', `${reverse}scale=${request.width}:${request.height}`, '-frames:v', '1'],
      ...['-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'],
    ],
    { timeoutMs: 120_000, maxStdoutBytes: request.width * request.height * 3 + 1 },
  );
  const expected = request.width * request.height * 3;
  if (result.exitCode !== 0 || result.stdout.length !== expected) {
    throw new Error(
      `could not decode the ${request.which} frame of ${file}: ${result.stderr.trim() || `${result.stdout.length} of ${expected} bytes`}`,
    );
  }
  return {
    width: request.width,
    height: request.height,
    channels: 3,
    data: new Uint8Array(result.stdout),
  };
}
