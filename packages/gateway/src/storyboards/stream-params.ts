import { z } from 'zod';
import { runCommand } from '../media/run-command.js';

/** What must agree between files for ffmpeg's concat demuxer to join them by stream copy. */
export interface StreamParams {
  codec: string;
  width: number;
  height: number;
  pixelFormat: string;
  /** As the stream states it: `24/1`, `30000/1001`. */
  rate: string;
  /** The video track's time base, `1/12288`: its denominator is the MP4 timescale. */
  timeBase: string;
  sampleAspectRatio: string;
  /** Frames of B-frame reordering (`has_b_frames`): parts whose delays differ lose frames. */
  reorderDelay: number;
  audio: { codec: string; sampleRate: number; channels: number; layout: string } | null;
}

const probeSchema = z.object({
  streams: z.array(
    z.object({
      codec_type: z.string(),
      codec_name: z.string(),
      width: z.number().int().optional(),
      height: z.number().int().optional(),
      pix_fmt: z.string().optional(),
      r_frame_rate: z.string().optional(),
      time_base: z.string().optional(),
      sample_aspect_ratio: z.string().optional(),
      has_b_frames: z.number().int().optional(),
      sample_rate: z.union([z.string(), z.number()]).optional(),
      channels: z.number().int().optional(),
      channel_layout: z.string().optional(),
    }),
  ),
});

export async function probeStreamParams(ffprobePath: string, file: string): Promise<StreamParams> {
  const result = await runCommand(
    ffprobePath,
    ['-v', 'error', '-print_format', 'json', '-show_streams', file],
    { timeoutMs: 60_000, maxStdoutBytes: 4 * 1024 * 1024 },
  );
  if (result.exitCode !== 0) throw new Error(`ffprobe failed on ${file}: ${result.stderr.trim()}`);
  const { streams } = probeSchema.parse(JSON.parse(result.stdout.toString('utf8')));
  const video = streams.find((stream) => stream.codec_type === 'video');
  if (video?.width == null || video.height == null) {
    throw new Error(`ffprobe found no video stream in ${file}`);
  }
  const audio = streams.find((stream) => stream.codec_type === 'audio');
  return {
    codec: video.codec_name,
    width: video.width,
    height: video.height,
    pixelFormat: video.pix_fmt ?? 'unknown',
    rate: video.r_frame_rate ?? '0/0',
    timeBase: video.time_base ?? '0/0',
    // ffprobe writes 0:1 for "not stated", which players read as square.
    sampleAspectRatio:
      video.sample_aspect_ratio == null || video.sample_aspect_ratio === '0:1'
        ? '1:1'
        : video.sample_aspect_ratio,
    reorderDelay: video.has_b_frames ?? 0,
    audio:
      audio != null
        ? {
            codec: audio.codec_name,
            sampleRate: Number(audio.sample_rate ?? 0),
            channels: audio.channels ?? 0,
            layout: audio.channel_layout ?? 'stereo',
          }
        : null,
  };
}

/** Equal keys: the two files concatenate by stream copy. */
export function concatKey(params: StreamParams): string {
  const audio = params.audio;
  return [
    params.codec,
    `${params.width}x${params.height}`,
    params.pixelFormat,
    params.rate,
    params.timeBase,
    params.sampleAspectRatio,
    `delay ${params.reorderDelay}`,
    audio != null ? `${audio.codec}/${audio.sampleRate}/${audio.channels}` : 'no-audio',
  ].join('|');
}
