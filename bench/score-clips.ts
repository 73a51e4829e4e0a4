// Clips and timing helpers shared by the score-* benchmarks.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  gridOutput,
  nativeGraph,
  reductionGrid,
} from '../packages/gateway/src/quality/native-reduction.js';

export interface ClipSpec {
  name: string;
  width: number;
  height: number;
  seconds: number;
  fps: number;
  /** x264 preset (default veryfast; long clips use ultrafast to be made quickly). */
  preset?: string;
}

/**
 * A moving test pattern (testsrc2: scrolling colour bars, a moving gradient and counters) as
 * H.264, made at bench time like the test fixtures (temporal-metrics.md §4.3).
 */
export function makeClip(ffmpegPath: string, directory: string, clip: ClipSpec): string {
  const file = join(directory, `${clip.name}.mp4`);
  const source = `testsrc2=size=${clip.width}x${clip.height}:rate=${clip.fps}`;
  const result = spawnSync(ffmpegPath, [
    ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', '-f', 'lavfi', '-i', source],
    ...[
      '-t',
      String(clip.seconds),
      '-c:v',
      'libx264',
      '-preset',
      clip.preset ?? 'veryfast',
      '-crf',
      '20',
    ],
    ...['-pix_fmt', 'yuv420p', file],
  ]);
  if (result.status !== 0) throw new Error(`making ${file} failed: ${result.stderr.toString()}`);
  return file;
}

/**
 * ffmpeg alone decoding the clip to raw frames into /dev/null, in ms. `gray` is what the native
 * measurements would need read out whole (every frame, full size); `scorer` is the scorer's own
 * decode (RGB at the analysis size plus the native luma and pair-difference grids, one process).
 */
export function decodeMs(
  ffmpegPath: string,
  file: string,
  output: 'gray' | 'scorer',
  analysis = { width: 160, height: 90 },
  native = { width: 1280, height: 720 },
): number {
  const graph = [
    '[0:v:0]split=2[native][small]',
    nativeGraph('native', reductionGrid(native)),
    `[small]scale=${analysis.width}:${analysis.height}:flags=area,format=rgb24[rgb]`,
  ].join(';');
  const outputs =
    output === 'gray'
      ? ['-map', '0:v:0', '-f', 'rawvideo', '-pix_fmt', 'gray', '-y', '/dev/null']
      : [
          ...['-y', '-filter_complex', graph, '-map', '[rgb]', '-f', 'rawvideo'],
          ...['-pix_fmt', 'rgb24', '/dev/null'],
          ...gridOutput('luma', '/dev/null'),
          ...gridOutput('difference', '/dev/null'),
        ];
  const started = performance.now();
  const result = spawnSync(ffmpegPath, [
    ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-i', file],
    ...outputs,
  ]);
  if (result.status !== 0) throw new Error(`decoding ${file} failed: ${result.stderr.toString()}`);
  return performance.now() - started;
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
