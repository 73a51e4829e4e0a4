import type { VideoStatusResult } from '@vgw/spec';
import { completedFromUrl, noOutput } from '../../provider-http/video-status.js';
import { runwayTaskFailure } from './runway-error.js';
import type { RunwayTask } from './runway-schemas.js';

/** Runway's docs: a task does not update more often than every 5 s, so polling sooner is waste. */
export const runwayPollIntervalMs = 5_000;

/** `progress` is a 0–1 fraction in observed answers; a value above 1 is taken as a percentage. */
function percent(progress: number | undefined): number | undefined {
  if (progress == null) return undefined;
  const scaled = progress <= 1 ? progress * 100 : progress;
  return Math.min(99, Math.max(0, Math.round(scaled)));
}

/** Maps one task object to the gateway's status; every documented state is named here. */
export function runwayTaskStatus(task: RunwayTask): VideoStatusResult {
  switch (task.status) {
    case 'PENDING':
    case 'THROTTLED':
      return { status: 'pending', retryAfterMs: runwayPollIntervalMs };
    case 'RUNNING': {
      const progress = percent(task.progress);
      return progress != null
        ? { status: 'pending', progress, retryAfterMs: runwayPollIntervalMs }
        : { status: 'pending', retryAfterMs: runwayPollIntervalMs };
    }
    case 'SUCCEEDED': {
      const url = task.output?.find((each) => each.trim() !== '');
      if (url == null) return noOutput(`Runway task ${task.id} succeeded without an output URL`);
      return completedFromUrl(url, { runwayTaskId: task.id });
    }
    case 'FAILED':
      return { status: 'failed', error: runwayTaskFailure(task.failureCode, task.failure) };
    case 'CANCELLED':
      return {
        status: 'failed',
        error: {
          code: 'cancelled',
          message: `Runway task ${task.id} was cancelled or deleted upstream`,
          retryable: false,
        },
      };
  }
}
