import { GatewayError } from '@vgw/spec';
import { probeVideo } from '../media/probe-video.js';
import { runCommand } from '../media/run-command.js';

export interface ConformTarget {
  frames: number;
  width: number;
  height: number;
  fps: number;
}

export interface ConformBinaries {
  ffmpegPath: string;
  ffprobePath: string;
}

/**
 * Re-encodes a clip to the target: resampled to its rate (ffmpeg's `fps` filter drops or
 * repeats frames, as diffusion-pipe's resampling does), centre-cropped, cut to its first
 * `frames` frames, H.264 yuv420p without audio (these trainers read video only). The result is
 * probed, and anything but the planned frames and size is an error, never a silent mismatch.
 */
export async function conformClip(
  binaries: ConformBinaries,
  input: string,
  output: string,
  target: ConformTarget,
  timeoutMs = 300_000,
): Promise<void> {
  const filters = `fps=${target.fps},crop=${target.width}:${target.height},setsar=1`;
  const result = await runCommand(
    binaries.ffmpegPath,
    [
      ...['-v', 'error', '-nostdin', '-y', '-i', input, '-map', '0:v:0', '-vf', filters],
      ...['-frames:v', String(target.frames), '-an', '-sn', '-dn', '-map_metadata', '-1'],
      ...['-c:v', 'libx264', '-preset', 'fast', '-crf', '16', '-pix_fmt', 'yuv420p'],
      ...['-r', String(target.fps), '-movflags', '+faststart', output],
    ],
    { timeoutMs },
  );
  if (result.exitCode !== 0) {
    throw new GatewayError(`ffmpeg could not conform ${input}: ${result.stderr.trim()}`, {
      status: 500,
      code: 'conform_failed',
    });
  }
  const probe = await probeVideo(binaries.ffprobePath, output, { decode: false });
  const rate = probe.frameRate;
  const matches =
    probe.frames === target.frames &&
    probe.width === target.width &&
    probe.height === target.height &&
    rate != null &&
    rate.numerator === target.fps * rate.denominator;
  if (!matches) {
    throw new GatewayError(
      `the conformed clip has ${probe.frames} frames at ${probe.width}x${probe.height}, not the planned ${target.frames} at ${target.width}x${target.height}@${target.fps}`,
      { status: 500, code: 'conform_failed' },
    );
  }
}
