import type { JSONObject, VideoStatusResult } from '@vgw/spec';
import { completedFromUrl, noOutput } from '../../provider-http/video-status.js';
import { isKlingModerationMessage } from './kling-error.js';
import type { KlingTask } from './kling-schemas.js';

function metadata(task: KlingTask): JSONObject {
  const kling: JSONObject = { taskId: task.task_id };
  if (task.final_unit_deduction != null) kling.finalUnitDeduction = task.final_unit_deduction;
  const first = task.task_result?.videos?.[0];
  if (first?.duration != null) kling.duration = first.duration;
  return { kling };
}

/** Maps one Kling task to the gateway's status; Kling reports no progress. */
export function klingTaskStatus(task: KlingTask): VideoStatusResult {
  switch (task.task_status) {
    case 'submitted':
    case 'processing':
      return { status: 'pending' };
    case 'succeed': {
      const url = task.task_result?.videos?.find(
        (video) => video.url != null && video.url !== '',
      )?.url;
      if (url == null) return noOutput(`kling: task ${task.task_id} succeeded without a video URL`);
      return completedFromUrl(url, metadata(task));
    }
    case 'failed': {
      const reason =
        task.task_status_msg != null && task.task_status_msg !== ''
          ? task.task_status_msg
          : 'no reason given';
      if (isKlingModerationMessage(reason)) {
        return {
          status: 'failed',
          error: {
            code: 'content_policy_violation',
            message: `kling: refused by content moderation: ${reason}`,
            retryable: false,
            // §6.5: input refusals come synchronously (code 1301); a failed task means the output.
            param: 'output',
          },
        };
      }
      return {
        status: 'failed',
        error: { code: 'render_failed', message: `kling: ${reason}`, retryable: false },
      };
    }
  }
}
