import type { EmulatedJob } from '../emulated-renderer.js';
import { outputUrl, type EmulatorContext } from '../emulator-definition.js';

/** What the emulator remembers of a create beyond the render itself. */
export interface PredictionRecord {
  model: string;
  version: string;
  input: Record<string, unknown>;
  webhook: string | null;
}

const statusOf: Record<EmulatedJob['state'], string> = {
  queued: 'starting',
  running: 'processing',
  succeeded: 'succeeded',
  failed: 'failed',
  cancelled: 'canceled',
};

/** Replicate's E005 wording; which side was refused is said, as the adapter reads it. */
function errorOf(job: EmulatedJob): string | null {
  if (job.failure == null) return null;
  if (job.failure.kind === 'input_moderation') {
    return 'The input was flagged as sensitive. Please try again with different inputs. (E005)';
  }
  if (job.failure.kind === 'output_moderation') {
    return 'The output was flagged as sensitive. Please try again with different inputs. (E005)';
  }
  return job.failure.message;
}

/** A tqdm line like the ones Cog models print, so clients can read progress from `logs`. */
function logsOf(job: EmulatedJob): string {
  if (job.state === 'queued') return '';
  const filled = Math.round(job.progress / 10);
  const bar = `${'█'.repeat(filled)}${' '.repeat(10 - filled)}`;
  return `Rendering with the local engine\n${String(job.progress).padStart(3)}%|${bar}| ${job.progress}/100 [00:01<00:01]\n`;
}

const iso = (milliseconds: number | null) =>
  milliseconds != null ? new Date(milliseconds).toISOString() : null;

/** The prediction object, shaped as Replicate's `GET /v1/predictions/{id}` answers it. */
export function predictionJson(
  context: EmulatorContext,
  job: EmulatedJob,
  record: PredictionRecord,
) {
  const base = `${context.baseURL()}/v1/predictions/${job.id}`;
  const status = statusOf[job.state];
  return {
    id: job.id,
    model: record.model,
    version: record.version,
    input: record.input,
    logs: logsOf(job),
    output: job.state === 'succeeded' ? outputUrl(context, job) : null,
    data_removed: false,
    error: errorOf(job),
    status,
    source: 'api',
    created_at: iso(job.createdAt),
    started_at: job.state === 'queued' ? null : iso(job.createdAt),
    completed_at: iso(job.completedAt),
    metrics:
      job.completedAt != null ? { predict_time: (job.completedAt - job.createdAt) / 1000 } : {},
    urls: { get: base, cancel: `${base}/cancel`, web: `https://replicate.com/p/${job.id}` },
    webhook: record.webhook,
  };
}
