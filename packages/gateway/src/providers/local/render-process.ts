import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { jobFiles } from './job-files.js';

export interface RenderProcessInput {
  ffmpegPath: string;
  args: readonly string[];
  jobDir: string;
  timeoutMs: number;
}

/**
 * The wrapper shell. It records its own pid (the process group id) before anything else, so a
 * worker that dies right after spawning still leaves the pid behind, and records ffmpeg's exit
 * status atomically when ffmpeg ends. ffmpeg and its arguments arrive as positional parameters,
 * so nothing from a request is ever parsed by the shell. `--foreground` keeps `timeout` (and
 * ffmpeg) in the shell's process group, so killing the group kills the render.
 */
const wrapperScript = [
  `echo $$ > ${jobFiles.pid}.shell && mv ${jobFiles.pid}.shell ${jobFiles.pid}`,
  'seconds="$1"',
  'shift',
  'timeout --foreground --signal=KILL "$seconds" "$@"',
  `echo $? > ${jobFiles.exit}.tmp && mv ${jobFiles.exit}.tmp ${jobFiles.exit}`,
].join('\n');

/**
 * Starts a render as a detached process group that outlives the calling worker: no worker
 * holds a lease while ffmpeg runs, and any worker can later read the result from the job
 * directory. Returns the pid, which is also the process group id.
 */
export function spawnRenderProcess(input: RenderProcessInput): number {
  const logFile = openSync(join(input.jobDir, jobFiles.log), 'a');
  try {
    const child = spawn(
      '/bin/sh',
      [
        '-c',
        wrapperScript,
        'vgw-render',
        (input.timeoutMs / 1000).toFixed(3),
        input.ffmpegPath,
        ...input.args,
      ],
      { cwd: input.jobDir, detached: true, stdio: ['ignore', logFile, logFile] },
    );
    // Without a listener a failed spawn would be an uncaught 'error' event.
    child.on('error', () => {});
    if (child.pid == null) throw new Error('could not start /bin/sh for the render');
    child.unref();
    return child.pid;
  } finally {
    closeSync(logFile);
  }
}
