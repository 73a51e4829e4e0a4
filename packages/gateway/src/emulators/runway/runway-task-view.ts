import type { EmulatedJob } from '../emulated-renderer.js';
import { outputUrl, type EmulatorContext } from '../emulator-definition.js';

/** Runway's failure codes for the emulator's failure kinds (docs: errors/task-failures). */
const failureCodes: Record<NonNullable<EmulatedJob['failure']>['kind'], string> = {
  input_moderation: 'SAFETY.INPUT.TEXT',
  output_moderation: 'SAFETY.OUTPUT.VIDEO',
  render: 'INTERNAL.BAD_OUTPUT.CODE01',
};

/** A job as Runway's task object (`GET /v1/tasks/{id}`), one variant per status. */
export function runwayTaskView(context: EmulatorContext, job: EmulatedJob, credits: number) {
  const base = { id: job.id, createdAt: new Date(job.createdAt).toISOString() };
  switch (job.state) {
    case 'queued':
      return { ...base, status: 'PENDING', estimatedCost: { credits } };
    case 'running':
      return {
        ...base,
        status: 'RUNNING',
        progress: job.progress / 100,
        estimatedCost: { credits },
      };
    case 'succeeded': {
      const url = outputUrl(context, job);
      return {
        ...base,
        status: 'SUCCEEDED',
        cost: { credits },
        output: url != null ? [url] : [],
      };
    }
    case 'failed':
      return {
        ...base,
        status: 'FAILED',
        cost: { credits: 0 },
        failure: job.failure?.message ?? 'the task failed',
        failureCode: failureCodes[job.failure?.kind ?? 'render'],
      };
    case 'cancelled':
      return { ...base, status: 'CANCELLED', cost: { credits: 0 } };
  }
}
