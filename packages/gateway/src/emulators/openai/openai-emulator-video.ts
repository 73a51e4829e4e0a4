import type { EmulatedJob } from '../emulated-renderer.js';

/** What the emulator remembers of a video beyond the renderer's job. */
export interface EmulatedVideo {
  id: string;
  jobId: string;
  model: string;
  prompt: string;
  seconds: string;
  size: string;
  statusChecks: number;
}

const statuses = {
  queued: 'queued',
  running: 'in_progress',
  succeeded: 'completed',
  failed: 'failed',
  // OpenAI has no cancel; an emulated cancel can only show as a failure.
  cancelled: 'failed',
} as const;

/** Downloadable assets expire; OpenAI gives a window of about a day [UNVERIFIED]. */
const assetLifetimeSeconds = 24 * 60 * 60;

function errorOf(job: EmulatedJob): { code: string; message: string } | null {
  if (job.state === 'cancelled') return { code: 'cancelled', message: 'the video was cancelled' };
  if (job.failure == null) return null;
  if (job.failure.kind === 'render') {
    return { code: 'video_generation_failed', message: job.failure.message };
  }
  return {
    code: 'moderation_blocked',
    message: `Your request was blocked by our moderation system (${job.failure.message}).`,
  };
}

/** The `Video` object of OpenAI's Videos API. */
export function videoObject(video: EmulatedVideo, job: EmulatedJob) {
  const seconds = (milliseconds: number) => Math.floor(milliseconds / 1000);
  const completedAt = job.completedAt != null ? seconds(job.completedAt) : null;
  return {
    id: video.id,
    object: 'video',
    model: video.model,
    status: statuses[job.state],
    progress: job.progress,
    created_at: seconds(job.createdAt),
    completed_at: completedAt,
    expires_at:
      job.state === 'succeeded' && completedAt != null ? completedAt + assetLifetimeSeconds : null,
    prompt: video.prompt,
    seconds: video.seconds,
    size: video.size,
    remixed_from_video_id: null,
    error: errorOf(job),
  };
}
