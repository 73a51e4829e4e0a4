import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import type { EmulatorContext, EmulatorDefinition } from '../emulator-definition.js';
import { renderSize } from '../emulator-definition.js';
import { createRefusal, statusSabotage } from '../emulator-triggers.js';
import { readCreateRequest } from './google-emulator-request.js';
import { googleError, jobIdOf, operationJson } from './google-emulator-responses.js';

interface EmulatorState {
  context: EmulatorContext;
  /** Input images written for the renderer, removed once their job has finished. */
  images: Map<string, string>;
}

/** Google's answers: no key → 403 PERMISSION_DENIED; a wrong key → 400 API_KEY_INVALID. */
function checkKey(context: EmulatorContext, request: Context) {
  const key = request.req.header('x-goog-api-key') ?? request.req.query('key');
  if (key == null || key === '') {
    const message = "Method doesn't allow unregistered callers. Please use API Key.";
    return request.json(googleError(403, 'PERMISSION_DENIED', message), 403);
  }
  if (key === context.apiKey) return null;
  const details = [
    { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID' },
  ];
  const message = 'API key not valid. Please pass a valid API key.';
  return request.json(googleError(400, 'INVALID_ARGUMENT', message, details), 400);
}

function rehearsedCreateFailure(context: EmulatorContext, request: Context, prompt: string) {
  const refusal = createRefusal(context.once, prompt);
  if (refusal === 'rate_limited') {
    const quota = googleError(429, 'RESOURCE_EXHAUSTED', 'You exceeded your current quota.');
    return request.json(quota, 429, { 'retry-after': '1' });
  }
  if (refusal === 'server_error') {
    return request.json(googleError(500, 'INTERNAL', 'An internal error has occurred.'), 500);
  }
  return null;
}

async function saveImage(image: { bytesBase64Encoded: string; mimeType: string }) {
  const directory = join(tmpdir(), 'vgw-google-emulator');
  await mkdir(directory, { recursive: true });
  const extension = image.mimeType.split('/')[1] ?? 'png';
  const path = join(directory, `${randomUUID()}.${extension}`);
  await writeFile(path, Buffer.from(image.bytesBase64Encoded, 'base64'));
  return path;
}

async function create(state: EmulatorState, request: Context) {
  const action = request.req.param('action') ?? '';
  const model = /^(veo-[A-Za-z0-9.-]+):predictLongRunning$/.exec(action)?.[1];
  if (model == null) {
    const message = `models/${action} is not found for API version v1beta`;
    return request.json(googleError(404, 'NOT_FOUND', message), 404);
  }
  const read = readCreateRequest(await request.req.json().catch(() => null));
  if ('invalid' in read) {
    return request.json(googleError(400, 'INVALID_ARGUMENT', read.invalid), 400);
  }
  const rehearsed = rehearsedCreateFailure(state.context, request, read.prompt);
  if (rehearsed != null) return rehearsed;
  const imagePath = read.image != null ? await saveImage(read.image) : null;
  const job = state.context.renderer.submit({
    prompt: read.prompt,
    seconds: read.seconds,
    ...renderSize(read.size),
    fps: 24,
    seed: null,
    imagePath,
  });
  if (imagePath != null) state.images.set(job.id, imagePath);
  return request.json({ name: `models/${model}/operations/${job.id}` });
}

async function poll(state: EmulatorState, request: Context) {
  const { model, id } = request.req.param() as { model: string; id: string };
  const { renderer } = state.context;
  const job = renderer.get(id);
  if (job == null) return request.json(googleError(404, 'NOT_FOUND', 'Operation not found.'), 404);
  // Garbage answers before the renderer is asked, so such an operation never advances, while a
  // flap answers after it; so the decision is made up front, counting the check to come.
  const sabotage = statusSabotage({ triggers: job.triggers, checks: job.checks + 1 });
  if (sabotage === 'garbage') {
    return request.body('{"name": "models/', 200, { 'content-type': 'application/json' });
  }
  await renderer.check(id);
  const image = state.images.get(id);
  if (image != null && job.state !== 'queued' && job.state !== 'running') {
    state.images.delete(id);
    await rm(image, { force: true });
  }
  if (sabotage === 'flap') {
    return request.json(googleError(500, 'INTERNAL', 'An internal error has occurred.'), 500);
  }
  return request.json(operationJson(state.context, job, `models/${model}/operations/${id}`));
}

/** Files-API download: keyed like every other call, then redirected to storage. */
function download(context: EmulatorContext, request: Context) {
  const fileId = /^([a-z0-9]+):download$/.exec(request.req.param('action') ?? '')?.[1];
  const jobId = fileId != null ? jobIdOf(fileId) : null;
  const job = jobId != null ? context.renderer.get(jobId) : null;
  if (job?.files.video == null) {
    return request.json(googleError(404, 'NOT_FOUND', 'File not found.'), 404);
  }
  // Google's download redirects to storage [UNVERIFIED]; the redirect also exercises the
  // gateway's re-checked redirects.
  return request.redirect(`${context.baseURL()}/__emulator/files/${job.id}/video`, 302);
}

/** Veo on the Gemini API: predictLongRunning, operations polled by name, Files-API downloads. */
export const googleEmulator: EmulatorDefinition = {
  provider: 'google',
  createApp(context) {
    const state: EmulatorState = { context, images: new Map() };
    const app = new Hono();
    app.use('/v1beta/*', async (request, next) => {
      const refused = checkKey(context, request);
      if (refused != null) return refused;
      await next();
    });
    app.post('/v1beta/models/:action', (request) => create(state, request));
    app.get('/v1beta/models/:model/operations/:id', (request) => poll(state, request));
    app.get('/v1beta/files/:action', (request) => download(context, request));
    return app;
  },
};
