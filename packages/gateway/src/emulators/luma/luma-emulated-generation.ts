import type { EmulatedJob } from '../emulated-renderer.js';
import { outputUrl, renderSize, type EmulatorContext } from '../emulator-definition.js';

export const lumaResolutionLines: Record<string, number> = {
  '540p': 540,
  '720p': 720,
  '1080p': 1080,
  '4k': 2160,
};

/** The pixels an aspect ratio and resolution name imply, shrunk to an emulator-sized render. */
export function lumaRenderSize(aspectRatio: string, resolution: string) {
  const [across, down] = aspectRatio.split(':').map(Number) as [number, number];
  const lines = lumaResolutionLines[resolution] ?? 720;
  const width = across >= down ? Math.round((lines * across) / down) : lines;
  const height = across >= down ? lines : Math.round((lines * down) / across);
  return renderSize(`${width}x${height}`);
}

const stateOf: Record<EmulatedJob['state'], string> = {
  queued: 'queued',
  running: 'dreaming',
  succeeded: 'completed',
  failed: 'failed',
  cancelled: 'failed',
};

/** Wording modelled on Luma's free-text reasons (providers.md §4.7). */
function failureReason(job: EmulatedJob): string | null {
  if (job.state === 'cancelled') return 'Generation was cancelled';
  if (job.failure == null) return null;
  if (job.failure.kind === 'input_moderation') {
    return 'Prompt not allowed because it violates the content policy';
  }
  if (job.failure.kind === 'output_moderation') {
    return 'Generated video not allowed because it violates the content policy';
  }
  return `Generation failed: ${job.failure.message}`;
}

/** A job as Luma's `Generation` object. */
export function generationJson(
  context: EmulatorContext,
  job: EmulatedJob,
  request: Record<string, unknown>,
): Record<string, unknown> {
  const state = stateOf[job.state];
  return {
    id: job.id,
    generation_type: 'video',
    state,
    failure_reason: failureReason(job),
    created_at: new Date(job.createdAt).toISOString(),
    model: request.model,
    assets: state === 'completed' ? assetsOf(context, job) : null,
    request: { generation_type: 'video', ...request },
  };
}

function assetsOf(context: EmulatorContext, job: EmulatedJob): Record<string, string> {
  const video = outputUrl(context, job);
  return video != null ? { video } : {};
}
