import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { StitchRecord } from '../db/storyboard-record.js';
import { probeVideo } from '../media/probe-video.js';
import { runCommand } from '../media/run-command.js';
import type { ContentStore, StoredBlob } from '../storage/content-store.js';
import { concatKey, probeStreamParams, type StreamParams } from './stream-params.js';

export interface StitchDeps {
  ffmpegPath: string;
  ffprobePath: string;
  store: ContentStore;
  /** Where the normalised shots and the concat list are written while stitching. */
  scratchDir: string;
}

export interface Stitched extends StoredBlob {
  stitch: StitchRecord;
}

// What libx264 writes in 8 bits; a reference in another codec or format is re-encoded too.
const encodablePixelFormats = new Set(['yuv420p', 'yuvj420p', 'yuv422p', 'yuv444p']);
const timeoutMs = 30 * 60_000;

async function ffmpeg(deps: StitchDeps, args: string[]): Promise<void> {
  const result = await runCommand(deps.ffmpegPath, ['-v', 'error', '-nostdin', '-y', ...args], {
    timeoutMs,
    maxStdoutBytes: 1024 * 1024,
  });
  if (result.exitCode !== 0) throw new Error(`ffmpeg failed while stitching: ${result.stderr}`);
}

function audioArgs(reference: StreamParams, shot: StreamParams): string[] {
  const wanted = reference.audio;
  if (wanted == null) return ['-an'];
  const encode = ['-c:a', 'aac', '-ar', String(wanted.sampleRate), '-ac', String(wanted.channels)];
  // A silent track where the shot has none, so every part of the concat has the same streams.
  return shot.audio != null
    ? ['-map', '0:a:0', ...encode]
    : ['-map', '1:a:0', ...encode, '-shortest'];
}

/** x264 settings that give the reference's B-frame delay: none, without pyramid, or with it. */
function reorderArgs(delay: number): string[] {
  if (delay === 0) return ['-bf', '0'];
  return delay === 1 ? ['-x264-params', 'b-pyramid=none'] : [];
}

/** Re-encodes one shot to the reference's size, rate, pixel format, timescale and audio. */
async function normalise(
  deps: StitchDeps,
  input: { path: string; params: StreamParams },
  reference: StreamParams,
  output: string,
): Promise<void> {
  const { width, height, rate, pixelFormat, timeBase } = reference;
  const silence =
    reference.audio != null && input.params.audio == null
      ? [
          '-f',
          'lavfi',
          '-i',
          `anullsrc=channel_layout=${reference.audio.layout}:sample_rate=${reference.audio.sampleRate}`,
        ]
      : [];
  const fit = `scale=${width}:${height}:force_original_aspect_ratio=decrease,pad=${width}:${height}:(ow-iw)/2:(oh-ih)/2`;
  await ffmpeg(deps, [
    ...['-i', input.path, ...silence, '-map', '0:v:0'],
    ...['-vf', `${fit},setsar=1,fps=${rate},format=${pixelFormat}`],
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '16', '-pix_fmt', pixelFormat],
    ...reorderArgs(reference.reorderDelay),
    ...['-video_track_timescale', timeBase.split('/')[1] ?? '12288'],
    ...audioArgs(reference, input.params),
    output,
  ]);
}

/** The parameters every part is brought to: the first shot's, in H.264 if it is not already. */
function referenceOf(first: StreamParams): StreamParams {
  if (first.codec === 'h264' && encodablePixelFormats.has(first.pixelFormat)) return first;
  return { ...first, codec: 'h264', pixelFormat: 'yuv420p', sampleAspectRatio: '1:1' };
}

function concatList(paths: string[]): string {
  // The concat demuxer's quoting: a quote inside '…' is closed, escaped and reopened.
  return paths.map((path) => `file '${path.replaceAll("'", "'\\''")}'\n`).join('');
}

/**
 * Joins the shots into one MP4 in the content store. When every shot shares codec, size, rate,
 * pixel format, time base and audio layout the concat demuxer copies the streams untouched
 * (`copy`); otherwise only the shots that differ are re-encoded to the first shot's parameters
 * and the result is concatenated the same way (`reencode`, naming those shots).
 */
export async function stitchShots(
  deps: StitchDeps,
  shotPaths: readonly string[],
): Promise<Stitched> {
  const params = await Promise.all(
    shotPaths.map((path) => probeStreamParams(deps.ffprobePath, path)),
  );
  const reference = referenceOf(params[0] as StreamParams);
  const key = concatKey(reference);
  await mkdir(deps.scratchDir, { recursive: true });
  const directory = await mkdtemp(join(deps.scratchDir, 'stitch-'));
  try {
    const reencodedShots: number[] = [];
    const parts: string[] = [];
    for (const [index, path] of shotPaths.entries()) {
      const shot = params[index] as StreamParams;
      if (concatKey(shot) === key) {
        parts.push(path);
        continue;
      }
      const output = join(directory, `shot-${index}.mp4`);
      await normalise(deps, { path, params: shot }, reference, output);
      reencodedShots.push(index);
      parts.push(output);
    }
    const list = join(directory, 'shots.txt');
    await writeFile(list, concatList(parts));
    const stitchedPath = join(directory, 'stitched.mp4');
    await ffmpeg(deps, [
      '-f',
      'concat',
      '-safe',
      '0',
      '-i',
      list,
      '-c',
      'copy',
      '-movflags',
      '+faststart',
      stitchedPath,
    ]);
    const probe = await probeVideo(deps.ffprobePath, stitchedPath, { decode: false });
    const [numerator, denominator] = reference.rate.split('/').map(Number);
    const blob = await deps.store.putFile(stitchedPath);
    return {
      ...blob,
      stitch: {
        mode: reencodedShots.length === 0 ? 'copy' : 'reencode',
        reencodedShots,
        frames: probe.frames,
        durationSeconds: probe.durationSeconds,
        width: reference.width,
        height: reference.height,
        rate: { numerator: numerator ?? 0, denominator: denominator ?? 1 },
      },
    };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
