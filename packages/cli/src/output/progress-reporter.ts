import cliProgress from 'cli-progress';
import type { Video } from '@vgw/sdk';
import type { OutputStream } from '../cli-io.js';

/** Shows a render's progress while the CLI polls for it. */
export interface ProgressReporter {
  update(video: Video): void;
  /** Restores the terminal; safe to call more than once. */
  stop(): void;
}

/** A bar on terminals, a line per step in logs and pipes, nothing when JSON is asked for. */
export type ProgressMode = 'bar' | 'lines' | 'none';

export function chooseProgressMode(options: {
  json: boolean;
  progress: boolean;
  isTTY: boolean;
}): ProgressMode {
  if (options.json || !options.progress) return 'none';
  return options.isTTY ? 'bar' : 'lines';
}

// Lines are written at most once per this many percent, so a log is not flooded by polling.
const lineStepPercent = 25;

function lineReporter(stderr: OutputStream): ProgressReporter {
  let last: string | null = null;
  return {
    update(video) {
      const step = Math.floor(video.progress / lineStepPercent) * lineStepPercent;
      const shown = video.status === 'in_progress' ? `${video.status} ${step}%` : video.status;
      if (shown === last) return;
      last = shown;
      stderr.write(`${video.id} ${shown}\n`);
    },
    stop() {},
  };
}

function barReporter(stderr: OutputStream): ProgressReporter {
  const bar = new cliProgress.SingleBar(
    {
      // The caller chose the bar because stderr is a terminal; render even if it cannot tell.
      stream: stderr as NodeJS.WritableStream,
      noTTYOutput: true,
      format: '{status} |{bar}| {percentage}% | {id}',
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let stopped = false;
  return {
    update(video) {
      if (stopped) return;
      const payload = { status: video.status.padEnd(11), id: video.id };
      if (!started) {
        started = true;
        bar.start(100, video.progress, payload);
        return;
      }
      bar.update(video.progress, payload);
    },
    stop() {
      if (!started || stopped) return;
      stopped = true;
      bar.stop();
    },
  };
}

export function createProgressReporter(mode: ProgressMode, stderr: OutputStream): ProgressReporter {
  if (mode === 'bar') return barReporter(stderr);
  if (mode === 'lines') return lineReporter(stderr);
  return { update() {}, stop() {} };
}
