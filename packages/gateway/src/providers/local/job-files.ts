/**
 * Names of the files in a render's job directory. ffmpeg runs with the job directory as its
 * working directory, so the render arguments use these relative names and never contain the
 * (arbitrary) work directory path, which would need escaping inside a filtergraph.
 */
export const jobFiles = {
  video: 'video.mp4',
  thumbnail: 'thumbnail.jpg',
  spritesheet: 'spritesheet.jpg',
  caption: 'caption.txt',
  progress: 'progress.txt',
  log: 'ffmpeg.log',
  /** The render's process id; the shell writes it too, so it survives a crash right after spawn. */
  pid: 'pid',
  /** ffmpeg's exit status, written by the wrapping shell when ffmpeg ends. */
  exit: 'exit',
  /** Written by the gateway when it kills a render (cancel or timeout); it wins over `exit`. */
  stopped: 'stopped',
  /** Timing and warnings, written just before the spawn. */
  start: 'start.json',
  /** The start result, so a repeated doStart returns the same operation. */
  operation: 'operation.json',
  /** Held while one doStart spawns, so two starts with one key spawn once. */
  startLock: 'start.lock',
} as const;
