import sharp from 'sharp';
import { probeVideo } from './probe-video.js';
import { runCommand } from './run-command.js';

export interface SampleFramesOptions {
  videoPath: string;
  /** Evenly spaced frames, besides the first. */
  count: number;
  ffmpegPath: string;
  /** Reads the frame count (packets, no decode) to space the samples by. */
  ffprobePath: string;
  /** Frames larger than this on their longest side are scaled down (aspect kept). */
  maxSide: number;
  format?: 'png' | 'jpeg';
  timeoutMs?: number;
}

export interface SampledFrame {
  /** 0-based index in decode order. */
  frameIndex: number;
  timeSeconds: number;
  /** The first frame: what a player or a list shows before playing. */
  first: boolean;
  image: Buffer;
  width: number;
  height: number;
}

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** ffmpeg's image2pipe writes PNGs back to back; each ends at its IEND chunk. */
export function splitPngStream(stream: Buffer): Buffer[] {
  const images: Buffer[] = [];
  let start = 0;
  while (start < stream.length) {
    if (!stream.subarray(start, start + 8).equals(pngSignature)) {
      throw new Error(`ffmpeg wrote something other than a PNG at byte ${start}`);
    }
    let offset = start + 8;
    let type = '';
    while (type !== 'IEND') {
      if (offset + 12 > stream.length) throw new Error('ffmpeg wrote a truncated PNG');
      type = stream.toString('latin1', offset + 4, offset + 8);
      offset += 12 + stream.readUInt32BE(offset);
    }
    images.push(stream.subarray(start, offset));
    start = offset;
  }
  return images;
}

/** Frame 0, then the middle frame of each of `count` equal stretches of the video. */
export function sampleFrameIndexes(totalFrames: number, count: number): number[] {
  const indexes = new Set<number>([0]);
  for (let sample = 0; sample < count; sample += 1) {
    indexes.add(Math.min(totalFrames - 1, Math.floor(((sample + 0.5) * totalFrames) / count)));
  }
  return [...indexes].sort((left, right) => left - right);
}

function ffmpegArgs(options: SampleFramesOptions, indexes: readonly number[]): string[] {
  const select = indexes.map((index) => `eq(n,${index})`).join('+');
  const side = options.maxSide;
  return [
    ...['-v', 'error', '-nostdin', '-i', options.videoPath, '-an', '-sn', '-dn'],
    '-vf',
    `select='${select}',` +
      `scale='min(iw,${side})':'min(ih,${side})':force_original_aspect_ratio=decrease`,
    // One output frame per selected frame: no duplicates to fill the gaps between them.
    ...['-vsync', 'passthrough', '-frames:v', String(indexes.length)],
    ...['-f', 'image2pipe', '-c:v', 'png', 'pipe:1'],
  ];
}

/**
 * The first frame and `count` evenly spaced frames of a video, as PNG (or JPEG) images at most
 * `maxSide` pixels a side, for the output checks. One ffmpeg pass that stops after the last
 * sampled frame; the selected frames are the decoded frames with those indexes, so every one is
 * a real frame of the file. A video with fewer frames than asked gives fewer, never duplicates.
 */
export async function sampleFrames(options: SampleFramesOptions): Promise<SampledFrame[]> {
  if (!Number.isInteger(options.count) || options.count < 0) {
    throw new Error(`sample count must be a whole number, not ${options.count}`);
  }
  if (!Number.isInteger(options.maxSide) || options.maxSide < 16) {
    throw new Error(`maxSide must be a whole number of at least 16, not ${options.maxSide}`);
  }
  const probe = await probeVideo(options.ffprobePath, options.videoPath, { decode: false });
  if (probe.frames < 1) throw new Error(`${options.videoPath} has no video frames`);
  const indexes = sampleFrameIndexes(probe.frames, options.count);
  const result = await runCommand(options.ffmpegPath, ffmpegArgs(options, indexes), {
    timeoutMs: options.timeoutMs ?? 60_000,
    maxStdoutBytes: 64 * 1024 * 1024 * indexes.length,
  });
  if (result.timedOut) throw new Error(`ffmpeg sampling ${options.videoPath} timed out`);
  if (result.exitCode !== 0) {
    throw new Error(`ffmpeg could not sample ${options.videoPath}: ${result.stderr.trim()}`);
  }
  const images = splitPngStream(result.stdout);
  if (images.length === 0) throw new Error(`ffmpeg sampled no frame of ${options.videoPath}`);
  return Promise.all(
    images.map(async (png, position) => {
      const frameIndex = indexes[position] as number;
      const image =
        options.format === 'jpeg' ? await sharp(png).jpeg({ quality: 90 }).toBuffer() : png;
      const { width, height } = await sharp(png).metadata();
      const timeSeconds = probe.fps > 0 ? frameIndex / probe.fps : 0;
      return { frameIndex, timeSeconds, first: frameIndex === 0, image, width, height };
    }),
  );
}
