import type { JSONObject, JSONValue, VideoFailure, VideoFile, VideoStatusResult } from '@vgw/spec';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { probeVideo } from '../../media/probe-video.js';
import { blamesInputReference, progressFrame, usefulLogLines } from './ffmpeg-log.js';
import { jobFiles } from './job-files.js';
import { readOptionalText } from './job-directory.js';
import type { LocalRenderSettings } from './local-settings.js';
import { isRenderProcess, killProcessGroup } from './process-control.js';
import { parseRenderOperation, type RenderOperation } from './render-operation.js';
import { markStopped, readStopReason, type StopReason } from './stop-marker.js';

/** How long a render may outlive its timeout before we kill it ourselves (`timeout` failed). */
const killGraceMs = 2000;
const pendingRetryAfterMs = 500;

const outputs: { variant: VideoFile['variant']; name: string; mediaType: string }[] = [
  { variant: 'video', name: jobFiles.video, mediaType: 'video/mp4' },
  { variant: 'thumbnail', name: jobFiles.thumbnail, mediaType: 'image/jpeg' },
  { variant: 'spritesheet', name: jobFiles.spritesheet, mediaType: 'image/jpeg' },
];

function failed(
  code: string,
  message: string,
  options: { retryable?: boolean; param?: string } = {},
): VideoStatusResult {
  const error: VideoFailure = { code, message, retryable: options.retryable ?? false };
  if (options.param != null) error.param = options.param;
  return { status: 'failed', error };
}

function stoppedResult(reason: StopReason): VideoStatusResult {
  return reason === 'cancelled'
    ? failed('cancelled', 'the render was cancelled')
    : failed('render_timeout', 'the render took longer than the render timeout');
}

async function nonEmptyFile(path: string): Promise<boolean> {
  return stat(path).then(
    (stats) => stats.isFile() && stats.size > 0,
    () => false,
  );
}

async function completedResult(
  settings: LocalRenderSettings,
  operation: RenderOperation,
): Promise<VideoStatusResult> {
  const videos: VideoFile[] = [];
  for (const output of outputs) {
    const path = join(operation.jobDir, output.name);
    if (await nonEmptyFile(path)) {
      videos.push({ variant: output.variant, kind: 'file', path, mediaType: output.mediaType });
    }
  }
  if (videos.length !== outputs.length) {
    return failed('render_failed', 'ffmpeg exited cleanly but did not write every output');
  }
  if (settings.ffprobePath == null) return { status: 'completed', videos };
  const probe = await probeVideo(settings.ffprobePath, join(operation.jobDir, jobFiles.video), {
    decode: false,
  });
  if (probe.codec !== 'h264' || probe.frames !== operation.totalFrames) {
    return failed(
      'render_failed',
      `the video has ${probe.frames} ${probe.codec} frames, expected ${operation.totalFrames} h264`,
    );
  }
  const metadata: JSONObject = { ...probe };
  return { status: 'completed', videos, providerMetadata: { local: metadata } };
}

async function exitedResult(
  settings: LocalRenderSettings,
  operation: RenderOperation,
  exitText: string,
): Promise<VideoStatusResult> {
  const code = Number.parseInt(exitText.trim(), 10);
  if (code === 0) return completedResult(settings, operation);
  // `timeout --signal=KILL` exits 137 (killed by signal 9); 124 is its plain timeout status.
  if (code === 137 || code === 124) return stoppedResult('timeout');
  const log = (await readOptionalText(operation.jobDir, jobFiles.log)) ?? '';
  const detail = usefulLogLines(log);
  const status = Number.isNaN(code) ? exitText.trim() : String(code);
  return failed(
    'render_failed',
    `ffmpeg exited with status ${status}${detail !== '' ? `: ${detail}` : ''}`,
    {
      ...(blamesInputReference(log) ? { param: 'input_reference' } : {}),
    },
  );
}

/** The outcome recorded in the job directory, or null while the render has none yet. */
async function recordedOutcome(
  settings: LocalRenderSettings,
  operation: RenderOperation,
): Promise<VideoStatusResult | null> {
  const stopped = await readStopReason(operation.jobDir);
  if (stopped != null) return stoppedResult(stopped);
  const exitText = await readOptionalText(operation.jobDir, jobFiles.exit);
  return exitText != null ? exitedResult(settings, operation, exitText) : null;
}

async function pendingResult(operation: RenderOperation): Promise<VideoStatusResult> {
  const progress = (await readOptionalText(operation.jobDir, jobFiles.progress)) ?? '';
  const percent = Math.floor((100 * progressFrame(progress)) / operation.totalFrames);
  return {
    status: 'pending',
    progress: Math.min(99, Math.max(0, percent)),
    retryAfterMs: pendingRetryAfterMs,
  };
}

/** One status check: reads the job directory and, at most, kills a render that overran. */
export async function renderStatus(
  settings: LocalRenderSettings,
  value: JSONValue,
): Promise<VideoStatusResult> {
  const operation = parseRenderOperation(value, settings.workDir);
  if (operation == null) return failed('invalid_operation', 'the stored operation is not valid');
  const outcome = await recordedOutcome(settings, operation);
  if (outcome != null) return outcome;
  if (!(await isRenderProcess(operation.pid, operation.jobDir))) {
    // The shell may have written its exit file between our read and the liveness check.
    const late = await recordedOutcome(settings, operation);
    if (late != null) return late;
    return failed('render_interrupted', 'the render process ended without a result', {
      retryable: true,
    });
  }
  if (settings.now() - operation.startedAt > operation.timeoutMs + killGraceMs) {
    killProcessGroup(operation.pid);
    await markStopped(operation.jobDir, 'timeout');
    settings.logger.warn({ jobDir: operation.jobDir }, 'local render killed after its timeout');
    return stoppedResult('timeout');
  }
  return pendingResult(operation);
}
