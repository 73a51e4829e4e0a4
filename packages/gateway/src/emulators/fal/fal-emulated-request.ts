import type { EmulatedJob } from '../emulated-renderer.js';
import { outputUrl, renderSize, type EmulatorContext } from '../emulator-definition.js';

export interface QueuedRequest {
  endpointId: string;
  /** `{owner}/{alias}`: where status, result and cancel live. */
  appPath: string;
  input: Record<string, unknown>;
}

const pikaRatios = ['16:9', '9:16', '1:1', '4:5', '5:4', '3:2', '2:3'];
const pikaLines: Record<string, number> = { '720p': 720, '1080p': 1080 };

/** A validation error in fal's model-error shape, or null when the Pika input is acceptable. */
export function pikaInputProblem(endpointId: string, input: Record<string, unknown>) {
  const problem = (field: string, text: string, type: string) => {
    const entry: Record<string, unknown> = { loc: ['body', field], type };
    entry['msg'] = text;
    return entry;
  };
  if (typeof input.prompt !== 'string' || input.prompt === '') {
    return problem('prompt', 'Field required', 'missing');
  }
  if (input.duration != null && input.duration !== '5' && input.duration !== '10') {
    return problem('duration', "Input should be '5' or '10'", 'literal_error');
  }
  if (input.resolution != null && pikaLines[String(input.resolution)] == null) {
    return problem('resolution', "Input should be '720p' or '1080p'", 'literal_error');
  }
  if (endpointId.endsWith('image-to-video')) {
    if (typeof input.image_url !== 'string' || !/^(data:image\/|https?:)/.test(input.image_url)) {
      return problem('image_url', 'Field required: an image URL or data URI', 'missing');
    }
  } else if (input.aspect_ratio != null && !pikaRatios.includes(String(input.aspect_ratio))) {
    return problem('aspect_ratio', 'Input should be a supported aspect ratio', 'literal_error');
  }
  return null;
}

/** Pixels the requested resolution and ratio imply, shrunk to an emulator-sized render. */
export function falRenderSize(input: Record<string, unknown>) {
  const lines = pikaLines[String(input.resolution ?? '720p')] ?? 720;
  const [across, down] = String(input.aspect_ratio ?? '16:9')
    .split(':')
    .map(Number) as [number, number];
  if (!(across > 0 && down > 0)) return renderSize(null);
  const width = across >= down ? Math.round((lines * across) / down) : lines;
  const height = across >= down ? lines : Math.round((lines * down) / across);
  return renderSize(`${width}x${height}`);
}

function urls(context: EmulatorContext, appPath: string, id: string) {
  const response = `${context.baseURL()}/${appPath}/requests/${id}`;
  return {
    request_id: id,
    response_url: response,
    status_url: `${response}/status`,
    cancel_url: `${response}/cancel`,
  };
}

/** A job as fal's queue status object (SDK `QueueStatus`). */
export function statusJson(context: EmulatorContext, job: EmulatedJob, request: QueuedRequest) {
  const common = urls(context, request.appPath, job.id);
  if (job.state === 'queued') return { status: 'IN_QUEUE', ...common, queue_position: 0 };
  if (job.state === 'running') return { status: 'IN_PROGRESS', ...common, logs: [] };
  const finished = {
    status: 'COMPLETED',
    ...common,
    logs: [],
    metrics: { inference_time: ((job.completedAt ?? job.createdAt) - job.createdAt) / 1000 },
  };
  if (job.state === 'cancelled') {
    return { ...finished, error: 'Request was cancelled', error_type: 'request_cancelled' };
  }
  if (job.state === 'failed') return { ...finished, error: 'Request failed' };
  return finished;
}

export function submitJson(context: EmulatorContext, job: EmulatedJob, request: QueuedRequest) {
  return {
    status: 'IN_QUEUE',
    ...urls(context, request.appPath, job.id),
    gateway_request_id: job.id,
    queue_position: 0,
  };
}

/** The result endpoint's answer: the model output, or the error fal returns for the request. */
export function resultAnswer(
  context: EmulatorContext,
  job: EmulatedJob,
): { status: 200 | 400 | 422 | 500; body: Record<string, unknown> } {
  if (job.state === 'queued' || job.state === 'running') {
    return { status: 400, body: { detail: 'Request is still in progress' } };
  }
  if (job.state === 'cancelled') return { status: 400, body: { detail: 'Request was cancelled' } };
  if (job.state === 'succeeded') {
    const url = outputUrl(context, job);
    const seed = job.request.seed ?? 0;
    if (url == null) return { status: 200, body: { seed } };
    const video = { url, content_type: 'video/mp4', file_name: 'output.mp4' };
    return { status: 200, body: { video, seed } };
  }
  const failure = job.failure;
  if (failure?.kind === 'render' || failure == null) {
    return { status: 500, body: { detail: `Generation failed: ${failure?.message ?? 'unknown'}` } };
  }
  const input = failure.kind === 'input_moderation';
  const entry: Record<string, unknown> = {
    loc: input ? ['body', 'prompt'] : ['body'],
    type: 'content_policy_violation',
    url: 'https://docs.fal.ai/errors#content_policy_violation',
  };
  entry['msg'] = input
    ? 'The content was flagged by a content checker.'
    : 'The generated video was flagged by a content checker.';
  return { status: 422, body: { detail: [entry] } };
}
