import { Hono, type Context } from 'hono';
import type { EmulatorContext, EmulatorDefinition } from '../emulator-definition.js';
import { createRefusal, statusSabotage } from '../emulator-triggers.js';
import {
  falRenderSize,
  pikaInputProblem,
  resultAnswer,
  statusJson,
  submitJson,
  type QueuedRequest,
} from './fal-emulated-request.js';

const namespaces = ['workflows', 'comfy'];
const requestPath = /^\/(.+)\/requests\/([^/]+)(\/status|\/cancel)?$/;

function appPathOf(endpointId: string): string {
  const parts = endpointId.split('/');
  return parts.slice(0, namespaces.includes(parts[0] ?? '') ? 3 : 2).join('/');
}

function authorized(emulator: EmulatorContext, context: Context): boolean {
  return context.req.header('authorization') === `Key ${emulator.apiKey}`;
}

function denied(context: Context) {
  return context.json({ detail: 'Authentication is required to access this application.' }, 401);
}

/** Refusals real fal gives on submit, by trigger: rate limits and transient errors. */
function submitRefusal(emulator: EmulatorContext, context: Context, prompt: string) {
  const refusal = createRefusal(emulator.once, prompt);
  if (refusal === 'rate_limited') {
    context.header('retry-after', '1');
    return context.json({ detail: 'Too many concurrent requests' }, 429);
  }
  if (refusal === 'server_error') return context.json({ detail: 'Internal Server Error' }, 500);
  return null;
}

function submit(emulator: EmulatorContext, requests: Map<string, QueuedRequest>) {
  return async (context: Context) => {
    if (!authorized(emulator, context)) return denied(context);
    const endpointId = decodeURIComponent(new URL(context.req.url).pathname.slice(1));
    if (endpointId.split('/').length < 2) return context.json({ detail: 'Not Found' }, 404);
    const input = (await context.req.json().catch(() => null)) as Record<string, unknown> | null;
    if (input == null || typeof input !== 'object') {
      return context.json({ detail: 'Invalid JSON body' }, 400);
    }
    if (endpointId.startsWith('fal-ai/pika/')) {
      const problem = pikaInputProblem(endpointId, input);
      if (problem != null) return context.json({ detail: [problem] }, 422);
    }
    const prompt = String(input.prompt ?? '');
    const refused = submitRefusal(emulator, context, prompt);
    if (refused != null) return refused;
    const job = emulator.renderer.submit({
      prompt,
      seconds: Number(input.duration ?? 5) || 5,
      ...falRenderSize(input),
      fps: 24,
      seed: typeof input.seed === 'number' ? input.seed : null,
      imagePath: null,
    });
    const request: QueuedRequest = { endpointId, appPath: appPathOf(endpointId), input };
    requests.set(job.id, request);
    return context.json(submitJson(emulator, job, request));
  };
}

function createApp(emulator: EmulatorContext): Hono {
  const app = new Hono();
  const requests = new Map<string, QueuedRequest>();
  /** The stored request behind a `{app}/requests/{id}` path; the app part must match. */
  const find = (context: Context) => {
    const match = requestPath.exec(new URL(context.req.url).pathname);
    const request = match != null ? requests.get(match[2] ?? '') : undefined;
    if (match == null || request == null || request.appPath !== match[1]) return null;
    return { id: match[2] ?? '', request, suffix: match[3] ?? '' };
  };

  app.get('*', async (context) => {
    if (!authorized(emulator, context)) return denied(context);
    const found = find(context);
    const job = found != null ? await emulator.renderer.check(found.id) : null;
    if (found == null || job == null) return context.json({ detail: 'Request not found' }, 404);
    if (found.suffix === '/status') {
      const sabotage = statusSabotage(job);
      if (sabotage === 'flap') return context.json({ detail: 'Internal Server Error' }, 500);
      if (sabotage === 'garbage') {
        return context.body('{"status": "IN_PROG', 200, { 'content-type': 'application/json' });
      }
      return context.json(statusJson(emulator, job, found.request));
    }
    const answer = resultAnswer(emulator, job);
    context.header('x-fal-retryable', 'false');
    context.header('x-fal-request-id', found.id);
    return context.json(answer.body, answer.status);
  });

  app.put('*', async (context) => {
    if (!authorized(emulator, context)) return denied(context);
    const found = find(context);
    const job = found?.suffix === '/cancel' ? emulator.renderer.get(found.id) : null;
    if (found == null || job == null) return context.json({ detail: 'Request not found' }, 404);
    if (job.state !== 'queued' && job.state !== 'running') {
      return context.json({ status: 'ALREADY_COMPLETED' }, 400);
    }
    await emulator.renderer.cancel(found.id);
    return context.json({ status: 'CANCELLATION_REQUESTED' }, 202);
  });

  app.post('*', submit(emulator, requests));
  return app;
}

/** fal's queue API at the root of its own host, backed by the local render farm. */
export const falEmulator: EmulatorDefinition = { provider: 'fal', createApp };
