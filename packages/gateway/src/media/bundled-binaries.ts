import { createRequire } from 'node:module';

// The installer packages are CommonJS and ship no types; `require` reads their `path` as is.
const require = createRequire(import.meta.url);

/**
 * ffmpeg and ffprobe shipped inside npm packages, so a fresh `npm ci` renders and scores with
 * no system install. The one place that names those packages: configuration may override the
 * paths, but every default (gateway, CLI, tests, benchmarks) comes from here.
 */
export function bundledBinaryPaths(): { ffmpegPath: string; ffprobePath: string } {
  const ffmpeg = require('@ffmpeg-installer/ffmpeg') as { path: string };
  const ffprobe = require('@ffprobe-installer/ffprobe') as { path: string };
  return { ffmpegPath: ffmpeg.path, ffprobePath: ffprobe.path };
}
