import { z } from 'zod';
import { runCommand } from './run-command.js';

export interface VideoProbe {
  width: number;
  height: number;
  /** Frames per second from the stream's frame rate (e.g. "24/1"). */
  fps: number;
  /** The same rate exactly as the stream states it (`24000/1001`), for frame-exact timelines. */
  frameRate: { numerator: number; denominator: number } | null;
  /** Whether the file holds an audio stream beside the video. */
  hasAudio: boolean;
  /** Frames counted by decoding (`-count_frames`), or packets read when `decode` is false. */
  frames: number;
  /** Null for a still image, which has no duration. */
  durationSeconds: number | null;
  codec: string;
  pixelFormat: string;
  /** `W:H` of one pixel as stored (`1:1` square), null where the stream does not say. */
  sampleAspectRatio: string | null;
}

const numericString = z.union([z.string(), z.number()]).transform((value) => Number(value));

const probeSchema = z.object({
  streams: z.array(
    z.object({
      codec_type: z.string(),
      codec_name: z.string(),
      width: z.number().int().optional(),
      height: z.number().int().optional(),
      pix_fmt: z.string().optional(),
      sample_aspect_ratio: z.string().optional(),
      r_frame_rate: z.string().optional(),
      avg_frame_rate: z.string().optional(),
      nb_read_frames: numericString.optional(),
      nb_read_packets: numericString.optional(),
      nb_frames: numericString.optional(),
      duration: numericString.optional(),
    }),
  ),
  format: z.object({ duration: numericString.optional() }).optional(),
});

function parseRate(rate: string | undefined): number | null {
  if (rate == null) return null;
  const [numerator, denominator] = rate.split('/').map(Number);
  if (numerator == null || !Number.isFinite(numerator)) return null;
  if (denominator == null) return numerator;
  return denominator > 0 ? numerator / denominator : null;
}

function parseRational(rate: string | undefined): VideoProbe['frameRate'] {
  const match = rate == null ? null : /^(\d+)\/(\d+)$/.exec(rate);
  if (match == null) return null;
  const numerator = Number(match[1]);
  const denominator = Number(match[2]);
  return numerator > 0 && denominator > 0 ? { numerator, denominator } : null;
}

function finiteOrNull(value: number | undefined): number | null {
  return value != null && Number.isFinite(value) ? value : null;
}

/**
 * Reads the first video stream of a file (an MP4, or a still image such as a JPEG) with ffprobe.
 * `decode: false` counts packets instead of decoding every frame: one packet per frame for our
 * H.264 output, and ~20x cheaper, which matters on the render's critical path.
 */
export async function probeVideo(
  ffprobePath: string,
  file: string,
  options: { decode?: boolean } = {},
): Promise<VideoProbe> {
  const result = await runCommand(
    ffprobePath,
    [
      '-v',
      'error',
      '-print_format',
      'json',
      '-show_streams',
      '-show_format',
      options.decode === false ? '-count_packets' : '-count_frames',
      file,
    ],
    { timeoutMs: 60_000, maxStdoutBytes: 16 * 1024 * 1024 },
  );
  if (result.exitCode !== 0) {
    throw new Error(
      `ffprobe failed on ${file}: ${result.stderr.trim() || `exit ${result.exitCode}`}`,
    );
  }
  const parsed = probeSchema.parse(JSON.parse(result.stdout.toString('utf8')));
  const stream = parsed.streams.find((candidate) => candidate.codec_type === 'video');
  if (stream == null || stream.width == null || stream.height == null) {
    throw new Error(`ffprobe found no video stream in ${file}`);
  }
  const fps = parseRate(stream.r_frame_rate) ?? parseRate(stream.avg_frame_rate) ?? 0;
  return {
    width: stream.width,
    height: stream.height,
    fps,
    frameRate: parseRational(stream.r_frame_rate) ?? parseRational(stream.avg_frame_rate),
    hasAudio: parsed.streams.some((candidate) => candidate.codec_type === 'audio'),
    frames:
      finiteOrNull(stream.nb_read_frames) ??
      finiteOrNull(stream.nb_read_packets) ??
      finiteOrNull(stream.nb_frames) ??
      0,
    durationSeconds: finiteOrNull(parsed.format?.duration) ?? finiteOrNull(stream.duration),
    codec: stream.codec_name,
    pixelFormat: stream.pix_fmt ?? 'unknown',
    // ffprobe writes 0:1 for "unknown".
    sampleAspectRatio:
      stream.sample_aspect_ratio == null || stream.sample_aspect_ratio === '0:1'
        ? null
        : stream.sample_aspect_ratio,
  };
}
