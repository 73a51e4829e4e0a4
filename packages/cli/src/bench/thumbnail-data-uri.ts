import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BenchRun } from './leaderboard/bench-run.js';

const runFile = promisify(execFile);

/** Wide enough to recognise the shot; small enough that 100 of them keep the page light. */
export const thumbnailWidth = 160;
const thumbnailTimeoutMs = 30_000;

/**
 * A small JPEG of the run as a `data:` URI, for a page that loads nothing from outside: the
 * API's thumbnail scaled down, or the first frame of the MP4 where the engine served none.
 * Null if ffmpeg cannot read either.
 */
export async function thumbnailDataUri(
  ffmpegPath: string,
  outDir: string,
  run: BenchRun,
): Promise<string | null> {
  if (run.files == null) return null;
  const source = join(outDir, run.files.thumbnail ?? run.files.video);
  try {
    const { stdout } = await runFile(
      ffmpegPath,
      [
        ...['-v', 'error', '-i', source, '-frames:v', '1'],
        ...['-vf', `scale=${thumbnailWidth}:-2`, '-q:v', '6'],
        ...['-f', 'image2pipe', '-c:v', 'mjpeg', 'pipe:1'],
      ],
      { encoding: 'buffer', timeout: thumbnailTimeoutMs, maxBuffer: 4 * 1024 * 1024 },
    );
    if (stdout.length === 0) return null;
    return `data:image/jpeg;base64,${stdout.toString('base64')}`;
  } catch {
    return null;
  }
}
