import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import type { EmulatedJob } from '../emulated-renderer.js';
import {
  outputUrl,
  renderSize,
  type EmulatorContext,
  type EmulatorDefinition,
} from '../emulator-definition.js';
import { createRefusal, statusSabotage } from '../emulator-triggers.js';
import { checkKlingAuthorization } from './kling-emulator-auth.js';

type Endpoint = 'text2video' | 'image2video';
const ratios: Record<string, string> = { '16:9': '1280x720', '9:16': '720x1280', '1:1': '720x720' };

function envelope(code: number, message: string, data?: unknown) {
  return { code, message, request_id: randomUUID(), ...(data !== undefined ? { data } : {}) };
}

function fail(
  context: Context,
  status: 400 | 401 | 404 | 429 | 500,
  code: number,
  message: string,
) {
  if (status === 429) context.header('Retry-After', '1');
  return context.json(envelope(code, message), status);
}

/** Kling's task object for one emulated job (`succeed` spelt as Kling spells it). */
function taskData(context: EmulatorContext, job: EmulatedJob, externalTaskId: string | null) {
  const base = {
    task_id: job.id,
    task_info: { external_task_id: externalTaskId },
    created_at: job.createdAt,
    updated_at: job.completedAt ?? job.createdAt,
  };
  if (job.state === 'queued') return { ...base, task_status: 'submitted', task_status_msg: '' };
  if (job.state === 'running') return { ...base, task_status: 'processing', task_status_msg: '' };
  if (job.state === 'succeeded') {
    const url = outputUrl(context, job);
    const seconds = job.request.seconds.toFixed(1);
    return {
      ...base,
      task_status: 'succeed',
      task_status_msg: '',
      final_unit_deduction: '1.5',
      task_result: {
        videos: url != null ? [{ id: `${job.id}-video`, url, duration: seconds }] : [],
      },
    };
  }
  const reason =
    job.failure?.kind === 'output_moderation'
      ? 'Content policy violation: the output was flagged by content moderation'
      : job.state === 'cancelled'
        ? 'Task cancelled'
        : `Video generation failed: ${job.failure?.message ?? 'unknown error'}`;
  return { ...base, task_status: 'failed', task_status_msg: reason };
}

async function saveImage(directory: string, base64: string): Promise<string> {
  await mkdir(directory, { recursive: true });
  const path = join(directory, `${randomUUID()}.png`);
  await writeFile(path, Buffer.from(base64, 'base64'));
  return path;
}

interface CreateBody {
  model_name?: unknown;
  prompt?: unknown;
  duration?: unknown;
  aspect_ratio?: unknown;
  image?: unknown;
  external_task_id?: unknown;
}

/** Kling's documented refusals for a body, in the order its docs list them. */
function invalidBody(body: CreateBody, endpoint: Endpoint): string | null {
  if (typeof body.model_name !== 'string' || !body.model_name.startsWith('kling-'))
    return 'model_name is invalid';
  if (endpoint === 'text2video' && (typeof body.prompt !== 'string' || body.prompt === ''))
    return 'prompt is required';
  if (body.duration != null && body.duration !== '5' && body.duration !== '10')
    return 'duration must be "5" or "10"';
  if (body.aspect_ratio != null && ratios[String(body.aspect_ratio)] == null)
    return 'aspect_ratio is invalid';
  if (endpoint === 'image2video') {
    if (typeof body.image !== 'string' || body.image === '') return 'image is required';
    if (body.image.startsWith('data:')) return 'image must be base64 without a data: prefix';
  }
  return null;
}

interface EmulatorState {
  tasks: Map<string, { endpoint: Endpoint; externalTaskId: string | null }>;
  externalIds: Set<string>;
  statusChecks: Map<string, number>;
  imageDir: string;
}

async function createTask(context: EmulatorContext, state: EmulatorState, hono: Context) {
  const endpoint = hono.req.param('endpoint') as Endpoint;
  const body = (await hono.req.json().catch(() => null)) as CreateBody | null;
  if (body == null) return fail(hono, 400, 1200, 'request body is not JSON');
  const problem = invalidBody(body, endpoint);
  if (problem != null) return fail(hono, 400, 1201, problem);
  const prompt = typeof body.prompt === 'string' ? body.prompt : '';
  const refusal = createRefusal(context.once, prompt);
  if (refusal === 'rate_limited') return fail(hono, 429, 1302, 'rate limit exceeded');
  if (refusal === 'server_error') return fail(hono, 500, 5000, 'server internal error');
  const externalTaskId = typeof body.external_task_id === 'string' ? body.external_task_id : null;
  // Kling keeps external_task_id unique per account: a repeated start is refused, not billed.
  if (externalTaskId != null && state.externalIds.has(externalTaskId))
    return fail(hono, 400, 1201, 'external_task_id already exists');
  const job = context.renderer.submit({
    prompt,
    seconds: Number(body.duration ?? '5'),
    ...renderSize(ratios[String(body.aspect_ratio ?? '16:9')]),
    fps: 24,
    seed: null,
    imagePath:
      endpoint === 'image2video' ? await saveImage(state.imageDir, String(body.image)) : null,
  });
  if (job.failure?.kind === 'input_moderation') {
    context.renderer.delete(job.id);
    return fail(hono, 400, 1301, 'Trigger the content security policy');
  }
  if (externalTaskId != null) state.externalIds.add(externalTaskId);
  state.tasks.set(job.id, { endpoint, externalTaskId });
  return hono.json(envelope(0, 'success', taskData(context, job, externalTaskId)));
}

async function queryTask(context: EmulatorContext, state: EmulatorState, hono: Context) {
  const taskId = hono.req.param('taskId') ?? '';
  const task = state.tasks.get(taskId);
  const job = context.renderer.get(taskId);
  // The query must use the family path the task was created on.
  if (task == null || job == null || task.endpoint !== hono.req.param('endpoint'))
    return fail(hono, 404, 1203, 'task not found');
  // Counting only earlier checks makes Kling's flap fail the first one.
  const earlier = state.statusChecks.get(taskId) ?? 0;
  state.statusChecks.set(taskId, earlier + 1);
  const sabotage = statusSabotage({ triggers: job.triggers, checks: earlier });
  if (sabotage === 'flap') return fail(hono, 500, 5000, 'server internal error');
  if (sabotage === 'garbage')
    return hono.body('{"code":0,"data":{"task_id":', 200, { 'content-type': 'application/json' });
  const checked = (await context.renderer.check(taskId)) ?? job;
  return hono.json(envelope(0, 'success', taskData(context, checked, task.externalTaskId)));
}

/** Kling's video API (text2video and image2video), backed by the shared renderer. */
export const klingEmulator: EmulatorDefinition = {
  provider: 'kling',
  createApp(context) {
    const app = new Hono();
    const state: EmulatorState = {
      tasks: new Map(),
      externalIds: new Set(),
      statusChecks: new Map(),
      imageDir: join(tmpdir(), `vgw-kling-emulator-${randomUUID()}`),
    };
    app.use('/v1/*', async (hono, next) => {
      const header = hono.req.header('authorization');
      const auth = checkKlingAuthorization(header, context.apiKey, context.now());
      if (!auth.ok) return fail(hono, 401, auth.code, auth.message);
      return next();
    });
    app.post('/v1/videos/:endpoint{text2video|image2video}', (hono) =>
      createTask(context, state, hono),
    );
    app.get('/v1/videos/:endpoint{text2video|image2video}/:taskId', (hono) =>
      queryTask(context, state, hono),
    );
    return app;
  },
};
