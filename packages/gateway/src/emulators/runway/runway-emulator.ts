import { Hono, type Context } from 'hono';
import {
  renderSize,
  type EmulatorContext,
  type EmulatorDefinition,
} from '../emulator-definition.js';
import { createRefusal, statusSabotage } from '../emulator-triggers.js';
import { parseCreateBody, runwayModelRules, type RunwayEndpoint } from './runway-emulator-body.js';
import { runwayTaskView } from './runway-task-view.js';

const apiVersion = '2024-11-06';

/** Runway checks the key, then the version header; both answer `{ error }`. */
function guard(context: EmulatorContext) {
  return async (http: Context, next: () => Promise<void>) => {
    if (http.req.header('authorization') !== `Bearer ${context.apiKey}`) {
      return http.json({ error: 'Invalid API key. Check that your API key is correct.' }, 401);
    }
    const version = http.req.header('x-runway-version');
    if (version !== apiVersion) {
      const problem = version == null ? 'is required' : `"${version}" is not a supported version`;
      return http.json(
        { error: `The X-Runway-Version header ${problem}; use ${apiVersion}.` },
        400,
      );
    }
    await next();
  };
}

/** The one-time and every-time create failures the trigger words ask for. */
function createTrigger(context: EmulatorContext, http: Context, prompt: string) {
  const refusal = createRefusal(context.once, prompt);
  if (refusal === 'rate_limited') {
    http.header('retry-after', '1');
    return http.json({ error: 'You have exceeded the rate limit. Please try again later.' }, 429);
  }
  if (refusal === 'server_error') return http.json({ error: 'An unexpected error occurred.' }, 500);
  return null;
}

function createRoute(context: EmulatorContext, credits: Map<string, number>) {
  return (endpoint: RunwayEndpoint) => async (http: Context) => {
    let raw: unknown;
    try {
      raw = await http.req.json();
    } catch {
      return http.json({ error: 'The request body is not valid JSON.' }, 400);
    }
    const parsed = parseCreateBody(endpoint, raw);
    if ('issues' in parsed) {
      return http.json({ error: 'Validation of body failed', issues: parsed.issues }, 400);
    }
    const { body } = parsed;
    const refused = createTrigger(context, http, body.promptText);
    if (refused != null) return refused;
    // The image is not rendered: the emulator proves the pipeline, and the engine draws its own.
    const job = context.renderer.submit({
      prompt: body.promptText,
      seconds: body.duration,
      ...renderSize(body.ratio),
      fps: 24,
      seed: body.seed,
      imagePath: null,
    });
    const estimate = body.duration * (runwayModelRules[body.model]?.creditsPerSecond ?? 0);
    credits.set(job.id, estimate);
    return http.json({ id: job.id, estimatedCost: { credits: estimate } });
  };
}

const notFound = (http: Context) => http.json({ error: 'Task not found.' }, 404);

function retrieveRoute(context: EmulatorContext, credits: Map<string, number>) {
  const statusChecks = new Map<string, number>();
  return async (http: Context) => {
    const id = http.req.param('id');
    const known = context.renderer.get(id);
    if (known == null) return notFound(http);
    // Every other check fails, from the first (only earlier ones are counted), so no two misses
    // in a row: a missed check must not fail the render.
    const earlier = statusChecks.get(id) ?? 0;
    statusChecks.set(id, earlier + 1);
    const sabotage = statusSabotage({ triggers: known.triggers, checks: earlier });
    if (sabotage === 'flap') return http.json({ error: 'An unexpected error occurred.' }, 500);
    if (sabotage === 'garbage') {
      return http.body(`{"id":"${id}","status":"SUCC`, 200, {
        'content-type': 'application/json',
      });
    }
    const job = await context.renderer.check(id);
    if (job == null) return notFound(http);
    return http.json(runwayTaskView(context, job, credits.get(id) ?? 0));
  };
}

/** Runway's developer API: create under /v1/*_to_video, poll and cancel under /v1/tasks. */
export const runwayEmulator: EmulatorDefinition = {
  provider: 'runway',
  createApp(context) {
    const app = new Hono();
    const credits = new Map<string, number>();
    app.use('/v1/*', guard(context));
    const create = createRoute(context, credits);
    app.post('/v1/text_to_video', create('text_to_video'));
    app.post('/v1/image_to_video', create('image_to_video'));
    app.get('/v1/tasks/:id', retrieveRoute(context, credits));
    app.delete('/v1/tasks/:id', async (http) => {
      const id = http.req.param('id');
      const job = context.renderer.get(id);
      if (job == null) return notFound(http);
      // Running tasks are cancelled (and stay readable as CANCELLED); finished ones are deleted.
      if (job.state === 'queued' || job.state === 'running') await context.renderer.cancel(id);
      else context.renderer.delete(id);
      return http.body(null, 204);
    });
    return app;
  },
};
