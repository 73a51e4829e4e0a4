import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bundledBinaryPaths, scoreVideo } from '@vgw/gateway';
import type { ScoreResult } from '@vgw/gateway';

/** Writes a 1 s, 12-frame 96×64 test pattern to `directory/name`: cheap to score in a test. */
export async function writeTinyClip(directory: string, name = 'clip.mp4'): Promise<string> {
  const file = join(directory, name);
  await promisify(execFile)(bundledBinaryPaths().ffmpegPath, [
    ...['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=96x64:rate=12:duration=1'],
    ...['-pix_fmt', 'yuv420p', file],
  ]);
  return file;
}

/** A real ScoreResult, of a tiny clip written in `directory`. */
export async function scoreTinyClip(directory: string): Promise<ScoreResult> {
  const file = await writeTinyClip(directory);
  return scoreVideo({ ...bundledBinaryPaths(), file, timeoutMs: 60_000 });
}
