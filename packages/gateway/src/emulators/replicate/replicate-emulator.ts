import { Hono, type Context } from 'hono';
import type { EmulatedRequest } from '../emulated-renderer.js';
import {
  renderSize,
  type EmulatorContext,
  type EmulatorDefinition,
} from '../emulator-definition.js';
import { createRefusal, statusSabotage } from '../emulator-triggers.js';
import { predictionJson, type PredictionRecord } from './replicate-prediction-json.js';

const problem = (
  context: Context,
  status: 401 | 404 | 422 | 429 | 500,
  title: string,
  detail: string,
) =>
  context.json({ title, detail, status }, status, { 'content-type': 'application/problem+json' });

function numberInput(input: Record<string, unknown>, names: string[]): number | null {
  for (const name of names) {
    const value = Number(input[name]);
    if (input[name] != null && Number.isFinite(value) && value > 0) return value;
  }
  return null;
}

/** Reads a render from a model input: prompt, duration, aspect_ratio or width/height, fps, seed. */
function renderRequest(input: Record<string, unknown>): EmulatedRequest {
  const ratio = typeof input.aspect_ratio === 'string' ? input.aspect_ratio : null;
  const width = numberInput(input, ['width']);
  const height = numberInput(input, ['height']);
  const size = renderSize(ratio ?? (width != null && height != null ? `${width}x${height}` : null));
  const seed = Number(input.seed);
  return {
    prompt: String(input.prompt),
    seconds: Math.min(20, numberInput(input, ['duration', 'num_seconds', 'seconds']) ?? 5),
    ...size,
    fps: Math.min(60, Math.round(numberInput(input, ['fps', 'frames_per_second']) ?? 24)),
    seed: input.seed != null && Number.isInteger(seed) ? seed : null,
    // Images arrive as URLs or data URIs; the emulator renders from the prompt alone.
    imagePath: null,
  };
}

/** Create-time triggers, answered the way Replicate throttles and fails. */
function createTrigger(emulator: EmulatorContext, context: Context, prompt: string) {
  const refusal = createRefusal(emulator.once, prompt);
  if (refusal === 'rate_limited') {
    context.header('retry-after', '1');
    return problem(
      context,
      429,
      'Too Many Requests',
      'Request was throttled. Expected available in 1 second.',
    );
  }
  if (refusal === 'server_error') {
    return problem(context, 500, 'Internal Server Error', 'An unexpected error occurred.');
  }
  return null;
}

type Body = Record<string, unknown> | null;

const readBody = (context: Context): Promise<Body> =>
  context.req.json<Record<string, unknown>>().catch(() => null);

/** A create: the render starts, and the answer is a `starting` prediction as Replicate gives. */
function createPrediction(
  emulator: EmulatorContext,
  records: Map<string, PredictionRecord>,
  context: Context,
  request: { body: Body; model: string; version: string },
) {
  const input = request.body?.input as Record<string, unknown> | undefined;
  if (input == null || typeof input.prompt !== 'string' || input.prompt === '') {
    return problem(context, 422, 'Input validation failed', '- input.prompt: prompt is required');
  }
  const refused = createTrigger(emulator, context, input.prompt);
  if (refused != null) return refused;
  const job = emulator.renderer.submit(renderRequest(input));
  const webhook = typeof request.body?.webhook === 'string' ? request.body.webhook : null;
  const record = { model: request.model, version: request.version, input, webhook };
  records.set(job.id, record);
  // Refusals show on the next get, as on Replicate, where a create is always `starting`.
  const prediction = predictionJson(emulator, job, record);
  return context.json(
    { ...prediction, status: 'starting', error: null, output: null, logs: '', started_at: null },
    201,
  );
}

function createRoutes(
  app: Hono,
  emulator: EmulatorContext,
  records: Map<string, PredictionRecord>,
) {
  app.post('/models/:owner/:name/predictions', async (context) => {
    const model = `${context.req.param('owner')}/${context.req.param('name')}`;
    const body = await readBody(context);
    return createPrediction(emulator, records, context, { body, model, version: 'hidden' });
  });
  app.post('/predictions', async (context) => {
    const body = await readBody(context);
    const [reference = '', version] = String(body?.version ?? '').split(':');
    if (reference === '') {
      return problem(context, 422, 'Input validation failed', '- version: version is required');
    }
    const model = version != null ? reference : 'emulated/model';
    return createPrediction(emulator, records, context, {
      body,
      model,
      version: version ?? reference,
    });
  });
}

function predictionRoutes(
  app: Hono,
  emulator: EmulatorContext,
  records: Map<string, PredictionRecord>,
) {
  const checks = new Map<string, number>();
  app.get('/predictions/:id', async (context) => {
    const id = context.req.param('id');
    const record = records.get(id);
    const job = record != null ? await emulator.renderer.check(id) : null;
    if (record == null || job == null) return problem(context, 404, 'Not found', 'Not found.');
    const count = (checks.get(id) ?? 0) + 1;
    checks.set(id, count);
    const sabotage = statusSabotage({ triggers: job.triggers, checks: count });
    if (sabotage === 'flap') {
      return problem(context, 500, 'Internal Server Error', 'An unexpected error occurred.');
    }
    if (sabotage === 'garbage') return context.body(`{"id": "${id}", "status": <html>`, 200);
    return context.json(predictionJson(emulator, job, record));
  });
  app.post('/predictions/:id/cancel', async (context) => {
    const id = context.req.param('id');
    const record = records.get(id);
    if (record == null || !(await emulator.renderer.cancel(id))) {
      return problem(context, 404, 'Not found', 'Not found.');
    }
    const job = emulator.renderer.get(id);
    if (job == null) return problem(context, 404, 'Not found', 'Not found.');
    return context.json(predictionJson(emulator, job, record));
  });
}

function routes(emulator: EmulatorContext): Hono {
  const app = new Hono();
  const records = new Map<string, PredictionRecord>();
  app.use('*', async (context, next) => {
    if (context.req.header('authorization') !== `Bearer ${emulator.apiKey}`) {
      const detail = 'You did not pass a valid authentication token';
      return problem(context, 401, 'Unauthenticated', detail);
    }
    return next();
  });
  createRoutes(app, emulator, records);
  predictionRoutes(app, emulator, records);
  return app;
}

/**
 * Replicate's predictions API under `/v1` (where the SDK's baseUrl points) and at the root
 * (where a gateway configured with the emulator's bare URL calls it).
 */
export const replicateEmulator: EmulatorDefinition = {
  provider: 'replicate',
  createApp(context) {
    const app = new Hono();
    const api = routes(context);
    app.route('/v1', api);
    app.route('/', api);
    return app;
  },
};
