import { stat } from 'node:fs/promises';
import type { RawPixelFormat } from '../media/raw-pixel-format.js';
import { probeVideo } from '../media/probe-video.js';
import type { VideoProbe } from '../media/probe-video.js';
import { DecoderProcess, FrameAssembler } from './decoder-process.js';
import { VideoQualityError } from './quality-error.js';

/** One decoded frame: `channels` bytes per pixel, rows top to bottom, no padding. */
export interface DecodedFrame {
  index: number;
  width: number;
  height: number;
  channels: 1 | 3;
  data: Uint8Array;
}

/** 8K UHD. Anything larger is refused before decoding: one rgb24 frame would already be ≥ 100 MB. */
export const defaultMaxPixels = 7680 * 4320;

export interface InspectVideoOptions {
  ffprobePath: string;
  file: string;
  maxPixels?: number;
}

function isMissing(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ENOENT';
}

/**
 * Checks a file before any decoding, so each failure has its own clear error: missing, empty,
 * unreadable (corrupt), no video stream, too large, fewer than two frames.
 */
export async function inspectVideo(options: InspectVideoOptions): Promise<VideoProbe> {
  const { file } = options;
  const size = await stat(file).then(
    (stats) => stats.size,
    (error: unknown) => {
      if (isMissing(error)) throw new VideoQualityError('missing_file', `no such file: ${file}`);
      throw error;
    },
  );
  if (size === 0) throw new VideoQualityError('empty_file', `${file} is empty (0 bytes)`);
  let probe: VideoProbe;
  try {
    // Counting packets only demuxes (no decode), so even an enormous frame size costs nothing here.
    probe = await probeVideo(options.ffprobePath, file, { decode: false });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (message.startsWith('ffprobe found no video stream')) {
      throw new VideoQualityError('no_video_stream', `${file} has no video stream`);
    }
    throw new VideoQualityError('unreadable', `${file} is not a readable video: ${message}`);
  }
  const maxPixels = options.maxPixels ?? defaultMaxPixels;
  if (probe.width * probe.height > maxPixels) {
    throw new VideoQualityError(
      'too_large',
      `${file} is ${probe.width}x${probe.height}; refusing to analyse more than ${maxPixels} pixels per frame`,
    );
  }
  if (probe.frames < 2) {
    throw new VideoQualityError(
      'too_few_frames',
      `${file} has ${probe.frames} frame(s); temporal metrics compare frame pairs and need at least 2`,
    );
  }
  return probe;
}

/**
 * The fixed analysis size for flow-based metrics: the long side becomes at most `longSide`
 * (never upscaled), aspect kept, both sides even: 160×90 for 16:9, chosen for speed (docs/quality.md, Cost).
 */
export function analysisSize(
  width: number,
  height: number,
  longSide = 160,
): { width: number; height: number } {
  const scale = Math.min(1, longSide / Math.max(width, height));
  const even = (value: number): number => Math.max(16, 2 * Math.round((value * scale) / 2));
  return { width: even(width), height: even(height) };
}

export interface FrameStreamOptions {
  ffmpegPath: string;
  file: string;
  /** Output size: the analysis size when `scale` is true, else the source's own size. */
  width: number;
  height: number;
  scale: boolean;
  pixelFormat: RawPixelFormat;
  /** Whole-stream budget: ffmpeg is killed once it has run this long (backpressure included). */
  timeoutMs: number;
  /** Aborting kills ffmpeg (used when a sibling pass has failed). */
  signal?: AbortSignal;
}

function decodeArguments(options: FrameStreamOptions): string[] {
  const scale = options.scale ? ['-vf', `scale=${options.width}:${options.height}:flags=area`] : [];
  return [
    ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-i', options.file],
    ...['-map', '0:v:0', '-an', '-sn', '-dn', ...scale, '-vsync', '0'],
    ...['-f', 'rawvideo', '-pix_fmt', options.pixelFormat, 'pipe:1'],
  ];
}

/**
 * Decodes a video to raw frames over a pipe and yields them one at a time: only one frame (plus
 * the pipe's buffer) is in memory, and the pipe's backpressure paces ffmpeg to the consumer.
 * Breaking out of the loop kills ffmpeg.
 */
export async function* streamFrames(options: FrameStreamOptions): AsyncGenerator<DecodedFrame> {
  const channels = options.pixelFormat === 'gray' ? 1 : 3;
  const assembler = new FrameAssembler(options.width * options.height * channels);
  const decoder = new DecoderProcess(options, decodeArguments(options), 1);
  try {
    let index = 0;
    for await (const chunk of decoder.outputs[0] as AsyncIterable<Buffer>) {
      for (const data of assembler.push(chunk)) {
        yield { index, width: options.width, height: options.height, channels, data };
        index += 1;
      }
    }
    await decoder.finish(assembler.partial);
  } finally {
    decoder.close();
  }
}
