import { Hono, type Context } from 'hono';
import type { EmulatedJob } from '../emulated-renderer.js';
import { outputUrl, renderSize } from '../emulator-definition.js';
import { createRefusal } from '../emulator-triggers.js';
import {
  fileIdFor,
  saveImage,
  statusMisbehaviour,
  type MinimaxEmulatorState,
} from './minimax-emulator-state.js';

const models = ['MiniMax-Hailuo-2.3', 'MiniMax-Hailuo-2.3-Fast', 'MiniMax-Hailuo-02'];
const sizes: Record<string, string> = {
  '512P': '912x512',
  '768P': '1366x768',
  '1080P': '1920x1080',
};

const ok = { status_code: 0, status_msg: 'success' };
const baseResp = (statusCode: number, statusMessage: string) => ({
  base_resp: { status_code: statusCode, status_msg: statusMessage },
});

interface CreateBody {
  model?: unknown;
  prompt?: unknown;
  duration?: unknown;
  resolution?: unknown;
  first_frame_image?: unknown;
}

function invalid(body: CreateBody): string | null {
  if (typeof body.model !== 'string' || !models.includes(body.model)) return 'invalid model';
  if (typeof body.prompt !== 'string' || body.prompt === '') return 'prompt is required';
  if (body.duration != null && body.duration !== 6 && body.duration !== 10)
    return 'duration must be 6 or 10';
  if (body.resolution != null && sizes[String(body.resolution)] == null)
    return 'invalid resolution';
  if (body.duration === 10 && body.resolution === '1080P') return '10 s is only offered at 768P';
  return null;
}

async function create(state: MinimaxEmulatorState, hono: Context) {
  const body = (await hono.req.json().catch(() => null)) as CreateBody | null;
  const problem = body == null ? 'body is not JSON' : invalid(body);
  if (body == null || problem != null)
    return hono.json({ task_id: '', ...baseResp(2013, problem ?? '') });
  const prompt = String(body.prompt);
  const refusal = createRefusal(state.context.once, prompt);
  if (refusal === 'rate_limited') {
    hono.header('Retry-After', '1');
    return hono.json(baseResp(1002, 'rate limit exceeded(RPM)'), 429);
  }
  if (refusal === 'server_error') return hono.json(baseResp(1000, 'unknown error'), 500);
  const job = state.context.renderer.submit({
    prompt,
    seconds: Number(body.duration ?? 6),
    ...renderSize(sizes[String(body.resolution ?? '768P')]),
    fps: 24,
    seed: null,
    imagePath: await saveImage(state, body.first_frame_image),
  });
  if (job.failure?.kind === 'input_moderation') {
    state.context.renderer.delete(job.id);
    return hono.json({ task_id: '', ...baseResp(1026, 'input new_sensitive') });
  }
  state.versions.set(job.id, 'v1');
  return hono.json({ task_id: job.id, base_resp: ok });
}

function queryBody(state: MinimaxEmulatorState, job: EmulatedJob) {
  const common = { task_id: job.id, file_id: '', base_resp: ok };
  if (job.state === 'queued') return { ...common, status: 'Queueing' };
  if (job.state === 'running') return { ...common, status: 'Processing' };
  if (job.state === 'succeeded') {
    const fileId = fileIdFor(state, job.id);
    const { width, height } = job.request;
    return {
      ...common,
      status: 'Success',
      file_id: fileId,
      video_width: width,
      video_height: height,
    };
  }
  if (job.failure?.kind === 'output_moderation')
    return { ...common, status: 'Fail', ...baseResp(1027, 'output video sensitive') };
  return { ...common, status: 'Fail', ...baseResp(1000, job.failure?.message ?? 'task cancelled') };
}

async function query(state: MinimaxEmulatorState, hono: Context) {
  const taskId = hono.req.query('task_id') ?? '';
  const job = state.versions.get(taskId) === 'v1' ? state.context.renderer.get(taskId) : null;
  if (job == null) return hono.json(baseResp(2013, 'invalid task_id'));
  const misbehaviour = statusMisbehaviour(state, job);
  if (misbehaviour === 'flap') return hono.json(baseResp(1000, 'unknown error'), 500);
  if (misbehaviour === 'garbage')
    return hono.body('{"task_id": "', 200, { 'content-type': 'application/json' });
  const checked = (await state.context.renderer.check(taskId)) ?? job;
  return hono.json(queryBody(state, checked));
}

function retrieve(state: MinimaxEmulatorState, hono: Context) {
  const fileId = hono.req.query('file_id') ?? '';
  const job = state.context.renderer.get(state.files.get(fileId) ?? '');
  if (job == null) return hono.json(baseResp(2013, 'invalid file_id'));
  const url = outputUrl(state.context, job);
  const file = {
    file_id: Number(fileId),
    bytes: 0,
    created_at: Math.floor((job.completedAt ?? job.createdAt) / 1000),
    filename: 'output.mp4',
    purpose: 'video_generation',
    ...(url != null ? { download_url: url } : {}),
  };
  return hono.json({ file, base_resp: ok });
}

/** The classic Hailuo API: create, query by task_id, then the file's download URL. */
export function minimaxV1Routes(state: MinimaxEmulatorState): Hono {
  const routes = new Hono();
  routes.post('/v1/video_generation', (hono) => create(state, hono));
  routes.get('/v1/query/video_generation', (hono) => query(state, hono));
  routes.get('/v1/files/retrieve', (hono) => retrieve(state, hono));
  return routes;
}
