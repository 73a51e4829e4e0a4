import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { EmulatedJob } from '../emulated-renderer.js';
import { outputUrl, renderSize } from '../emulator-definition.js';
import { createRefusal } from '../emulator-triggers.js';
import {
  saveImage,
  statusMisbehaviour,
  type MinimaxEmulatorState,
} from './minimax-emulator-state.js';

const ratios: Record<string, string> = {
  '16:9': '2560x1440',
  '9:16': '1440x2560',
  '1:1': '2048x2048',
  '4:3': '2048x1536',
  '3:4': '1536x2048',
  '21:9': '2560x1080',
};

/** v2's error body (HTTP ≥ 400). */
export function v2Error(
  hono: Context,
  status: 400 | 401 | 404 | 429 | 500,
  type: string,
  message: string,
) {
  if (status === 429) hono.header('Retry-After', '1');
  return hono.json(
    { type: 'error', error: { type, message, http_code: status }, request_id: randomUUID() },
    status,
  );
}

interface ContentItem {
  type?: unknown;
  text?: unknown;
  role?: unknown;
  image_url?: { url?: unknown };
}

interface CreateBody {
  model?: unknown;
  content?: unknown;
  duration?: unknown;
  ratio?: unknown;
  resolution?: unknown;
}

function invalid(body: CreateBody, items: ContentItem[]): string | null {
  if (body.model !== 'MiniMax-H3') return 'model must be MiniMax-H3';
  const texts = items.filter((item) => item.type === 'text');
  if (texts.length !== 1 || typeof texts[0]?.text !== 'string' || texts[0].text === '')
    return 'content needs exactly one non-empty text item';
  const duration = body.duration ?? 5;
  if (typeof duration !== 'number' || !Number.isInteger(duration) || duration < 5 || duration > 15)
    return 'duration must be an integer from 5 to 15';
  if (body.resolution != null && body.resolution !== '2K') return 'resolution must be 2K';
  const hasFrame = items.some((item) => item.role === 'first_frame');
  if (!hasFrame && (body.ratio == null || body.ratio === 'adaptive'))
    return 'ratio is required for text-to-video';
  if (body.ratio != null && body.ratio !== 'adaptive' && ratios[String(body.ratio)] == null)
    return 'invalid ratio';
  return null;
}

async function create(state: MinimaxEmulatorState, hono: Context) {
  const body = (await hono.req.json().catch(() => null)) as CreateBody | null;
  const items = Array.isArray(body?.content) ? (body.content as ContentItem[]) : [];
  const problem = body == null ? 'body is not JSON' : invalid(body, items);
  if (body == null || problem != null)
    return v2Error(hono, 400, 'invalid_request_error', problem ?? '');
  const prompt = String(items.find((item) => item.type === 'text')?.text);
  const refusal = createRefusal(state.context.once, prompt);
  if (refusal === 'rate_limited')
    return v2Error(hono, 429, 'rate_limit_error', 'too many requests');
  if (refusal === 'server_error') return v2Error(hono, 500, 'api_error', 'internal error');
  const frame = items.find((item) => item.role === 'first_frame');
  const job = state.context.renderer.submit({
    prompt,
    seconds: Number(body.duration ?? 5),
    ...renderSize(ratios[String(body.ratio ?? '16:9')] ?? ratios['16:9']),
    fps: 24,
    seed: null,
    imagePath: await saveImage(state, frame?.image_url?.url),
  });
  state.versions.set(job.id, 'v2');
  return hono.json({ task_id: job.id });
}

const statuses = {
  queued: 'queued',
  running: 'running',
  succeeded: 'succeeded',
  failed: 'failed',
  cancelled: 'cancelled',
} as const;

function task(state: MinimaxEmulatorState, job: EmulatedJob) {
  const shape = {
    id: job.id,
    model: 'MiniMax-H3',
    type: 'video_generation',
    status: statuses[job.state],
    resolution: '2K',
    duration: job.request.seconds,
    ratio: '16:9',
  };
  if (job.state === 'succeeded') {
    const url = outputUrl(state.context, job);
    const seconds = job.request.seconds;
    return {
      ...shape,
      content: url != null ? { url } : {},
      usage: { total_seconds: seconds, input_seconds: 0, output_seconds: seconds },
    };
  }
  if (job.state !== 'failed') return shape;
  const error =
    job.failure?.kind === 'input_moderation'
      ? { code: 'content_policy', message: 'the input prompt was flagged as sensitive' }
      : job.failure?.kind === 'output_moderation'
        ? { code: 'content_policy', message: 'the output video was flagged as sensitive' }
        : { code: 'internal_error', message: job.failure?.message ?? 'generation failed' };
  return { ...shape, error };
}

async function query(state: MinimaxEmulatorState, hono: Context) {
  const taskId = hono.req.param('taskId') ?? '';
  const job = state.versions.get(taskId) === 'v2' ? state.context.renderer.get(taskId) : null;
  if (job == null) return v2Error(hono, 404, 'not_found_error', 'task not found');
  const misbehaviour = statusMisbehaviour(state, job);
  if (misbehaviour === 'flap') return v2Error(hono, 500, 'api_error', 'internal error');
  if (misbehaviour === 'garbage')
    return hono.body('{"task": {"status": ', 200, { 'content-type': 'application/json' });
  const checked = (await state.context.renderer.check(taskId)) ?? job;
  return hono.json({ task: task(state, checked) });
}

/** The v2 (MiniMax-H3) API: content-array create and a task object that carries its URL. */
export function minimaxV2Routes(state: MinimaxEmulatorState): Hono {
  const routes = new Hono();
  routes.post('/v2/video_generation', (hono) => create(state, hono));
  routes.get('/v2/query/video_generation/:taskId', (hono) => query(state, hono));
  return routes;
}
