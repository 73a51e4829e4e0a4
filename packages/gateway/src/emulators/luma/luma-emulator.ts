import { Hono, type Context } from 'hono';
import type { EmulatorContext, EmulatorDefinition } from '../emulator-definition.js';
import { createRefusal, statusSabotage } from '../emulator-triggers.js';
import { generationJson, lumaRenderSize, lumaResolutionLines } from './luma-emulated-generation.js';

const prefix = '/dream-machine/v1';
const models = ['ray-2', 'ray-flash-2'];
const aspectRatios = ['1:1', '16:9', '9:16', '4:3', '3:4', '21:9', '9:21'];
const durations: Record<string, number> = { '5s': 5, '9s': 9 };

type Body = Record<string, unknown>;

function detail(context: Context, status: 400 | 401 | 404 | 429 | 500, text: string) {
  return context.json({ detail: text }, status);
}

/** The create body's problems, in Luma's FastAPI wording; null when it is valid. */
function invalidField(body: Body): string | null {
  if (typeof body.model !== 'string' || !models.includes(body.model)) return 'model';
  if (typeof body.prompt !== 'string' || body.prompt.trim() === '') return 'prompt';
  if (body.aspect_ratio != null && !aspectRatios.includes(String(body.aspect_ratio))) {
    return 'aspect_ratio';
  }
  if (body.duration != null && durations[String(body.duration)] == null) return 'duration';
  if (body.resolution != null && lumaResolutionLines[String(body.resolution)] == null) {
    return 'resolution';
  }
  return null;
}

/** A refusal that real Luma gives on create: rate limits and transient errors, by trigger. */
function refusedCreate(emulator: EmulatorContext, context: Context, prompt: string) {
  const refusal = createRefusal(emulator.once, prompt);
  if (refusal === 'rate_limited') {
    context.header('retry-after', '1');
    return detail(context, 429, 'Too many requests, please slow down');
  }
  if (refusal === 'server_error') return detail(context, 500, 'Internal server error');
  return null;
}

function createApp(emulator: EmulatorContext): Hono {
  const app = new Hono();
  const requests = new Map<string, Body>();
  app.use(`${prefix}/*`, async (context, next) => {
    if (context.req.header('authorization') !== `Bearer ${emulator.apiKey}`) {
      return detail(context, 401, 'Invalid API key provided');
    }
    return next();
  });

  const create = async (context: Context) => {
    const body = (await context.req.json().catch(() => null)) as Body | null;
    if (body == null || typeof body !== 'object') return detail(context, 400, 'Invalid JSON body');
    const field = invalidField(body);
    if (field != null) return detail(context, 400, `Invalid value for ${field}`);
    const prompt = String(body.prompt);
    const refused = refusedCreate(emulator, context, prompt);
    if (refused != null) return refused;
    const size = lumaRenderSize(
      String(body.aspect_ratio ?? '16:9'),
      String(body.resolution ?? '720p'),
    );
    const job = emulator.renderer.submit({
      prompt,
      seconds: durations[String(body.duration ?? '5s')] ?? 5,
      ...size,
      fps: 24,
      seed: null,
      imagePath: null,
    });
    requests.set(job.id, body);
    return context.json(generationJson(emulator, job, body), 201);
  };
  app.post(`${prefix}/generations/video`, create);
  app.post(`${prefix}/generations`, create);

  app.get(`${prefix}/generations/:id`, async (context) => {
    const id = context.req.param('id');
    const job = await emulator.renderer.check(id);
    const request = requests.get(id);
    if (job == null || request == null) return detail(context, 404, 'Generation not found');
    const sabotage = statusSabotage(job);
    if (sabotage === 'flap') return detail(context, 500, 'Internal server error');
    if (sabotage === 'garbage') {
      return context.body('{"id": "' + id + '", "state": ', 200, {
        'content-type': 'application/json',
      });
    }
    return context.json(generationJson(emulator, job, request));
  });

  app.delete(`${prefix}/generations/:id`, async (context) => {
    const id = context.req.param('id');
    if (!requests.has(id)) return detail(context, 404, 'Generation not found');
    await emulator.renderer.cancel(id);
    emulator.renderer.delete(id);
    requests.delete(id);
    return context.body(null, 204);
  });
  return app;
}

/** Luma's Dream Machine API under /dream-machine/v1, backed by the local render farm. */
export const lumaEmulator: EmulatorDefinition = { provider: 'luma', createApp };
