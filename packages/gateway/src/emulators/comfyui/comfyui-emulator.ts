import { Hono, type Context } from 'hono';
import {
  outputUrl,
  type EmulatorContext,
  type EmulatorDefinition,
} from '../emulator-definition.js';
import { createRefusal, statusSabotage } from '../emulator-triggers.js';
import {
  historyEntry,
  outputFilename,
  queueItem,
  type PromptRecord,
} from './comfyui-history-json.js';
import {
  outputNodeOf,
  renderRequestOf,
  validationErrors,
  type WorkflowGraph,
} from './comfyui-workflow-reader.js';

type Records = Map<string, PromptRecord>;

const finished = (state: string) =>
  state === 'succeeded' || state === 'failed' || state === 'cancelled';

/** Create-time triggers: a reverse proxy in front of ComfyUI throttling or failing. */
function createTrigger(emulator: EmulatorContext, context: Context, text: string) {
  const refusal = createRefusal(emulator.once, text);
  if (refusal === 'rate_limited') {
    context.header('retry-after', '1');
    return context.json({ error: 'too many requests' }, 429);
  }
  if (refusal === 'server_error') {
    return context.text('500 Internal Server Error\n\nServer got itself in trouble', 500);
  }
  return null;
}

function promptRoutes(app: Hono, emulator: EmulatorContext, records: Records) {
  let counter = 0;
  app.post('/prompt', async (context) => {
    const body = await context.req.json<Record<string, unknown>>().catch(() => null);
    const graph = body?.prompt as WorkflowGraph | undefined;
    if (graph == null || typeof graph !== 'object') {
      const error = {
        type: 'no_prompt',
        message: 'No prompt provided',
        details: 'No prompt provided',
        extra_info: {},
      };
      return context.json({ error, node_errors: [] }, 400);
    }
    const invalid = validationErrors(graph);
    if (invalid != null) return context.json(invalid, 400);
    const request = renderRequestOf(graph);
    const refused = createTrigger(emulator, context, request.prompt);
    if (refused != null) return refused;
    const job = emulator.renderer.submit(request);
    counter += 1;
    const promptId =
      typeof body?.prompt_id === 'string' && body.prompt_id !== '' ? body.prompt_id : job.id;
    records.set(promptId, {
      promptId,
      jobId: job.id,
      number: counter,
      graph,
      clientId: typeof body?.client_id === 'string' ? body.client_id : null,
      output: outputNodeOf(graph),
      deleted: false,
      interrupted: false,
    });
    return context.json({ prompt_id: promptId, number: counter, node_errors: {} });
  });
}

function historyRoutes(app: Hono, emulator: EmulatorContext, records: Records) {
  const checks = new Map<string, number>();
  app.get('/history/:id', async (context) => {
    const id = context.req.param('id');
    const record = records.get(id);
    const job =
      record != null && !record.deleted ? await emulator.renderer.check(record.jobId) : null;
    if (record == null || job == null) return context.json({});
    const count = (checks.get(id) ?? 0) + 1;
    checks.set(id, count);
    const sabotage = statusSabotage({ triggers: job.triggers, checks: count });
    if (sabotage === 'flap') {
      return context.text('500 Internal Server Error\n\nServer got itself in trouble', 500);
    }
    if (sabotage === 'garbage') return context.body(`{"${id}": {"outputs": <html>`, 200);
    return context.json(finished(job.state) ? { [id]: historyEntry(record, job) } : {});
  });
  app.post('/history', async (context) => {
    const body = await context.req.json<{ delete?: string[]; clear?: boolean }>().catch(() => null);
    for (const record of [...records.values()]) {
      const job = emulator.renderer.get(record.jobId);
      const targeted = body?.clear === true || (body?.delete ?? []).includes(record.promptId);
      // Like ComfyUI, only finished prompts have history to delete; the file stays on disk.
      if (targeted && job != null && finished(job.state)) record.deleted = true;
    }
    return context.body(null, 200);
  });
  app.get('/view', (context) => {
    const filename = context.req.query('filename');
    const record = [...records.values()].find((each) => outputFilename(each) === filename);
    const job = record != null ? emulator.renderer.get(record.jobId) : null;
    const url = job != null ? outputUrl(emulator, job) : null;
    if (url == null) return context.text('404: Not Found', 404);
    // ComfyUI answers with the file itself; the emulator hands over to its file server (and the
    // [loopback-url] / [metadata-url] triggers become redirects the gateway must refuse).
    return context.redirect(url, 302);
  });
}

function queueRoutes(app: Hono, emulator: EmulatorContext, records: Records) {
  app.get('/queue', async (context) => {
    const running: unknown[] = [];
    const pending: unknown[] = [];
    for (const record of records.values()) {
      const job = record.deleted ? null : await emulator.renderer.check(record.jobId);
      if (job == null || finished(job.state)) continue;
      (job.state === 'running' ? running : pending).push(queueItem(record));
    }
    return context.json({ queue_running: running, queue_pending: pending });
  });
  app.post('/queue', async (context) => {
    const body = await context.req.json<{ delete?: string[]; clear?: boolean }>().catch(() => null);
    for (const record of records.values()) {
      const targeted = body?.clear === true || (body?.delete ?? []).includes(record.promptId);
      const job = emulator.renderer.get(record.jobId);
      if (!targeted || job == null || job.state !== 'queued') continue;
      record.deleted = true;
      await emulator.renderer.cancel(record.jobId);
    }
    return context.body(null, 200);
  });
  app.post('/interrupt', async (context) => {
    const body = await context.req.json<{ prompt_id?: string }>().catch(() => null);
    for (const record of records.values()) {
      const job = emulator.renderer.get(record.jobId);
      if (
        job?.state !== 'running' ||
        (body?.prompt_id != null && body.prompt_id !== record.promptId)
      )
        continue;
      record.interrupted = true;
      await emulator.renderer.cancel(record.jobId);
    }
    return context.body(null, 200);
  });
}

function routes(emulator: EmulatorContext): Hono {
  const app = new Hono();
  const records: Records = new Map();
  app.use('*', async (context, next) => {
    // Core ComfyUI has no auth; this is the bearer-checking proxy the gateway's optional key
    // is for. /view stays open because the gateway downloads outputs without provider keys.
    if (context.req.path.endsWith('/view')) return next();
    if (context.req.header('authorization') !== `Bearer ${emulator.apiKey}`) {
      return context.json({ error: 'unauthorized' }, 401);
    }
    return next();
  });
  promptRoutes(app, emulator, records);
  historyRoutes(app, emulator, records);
  queueRoutes(app, emulator, records);
  return app;
}

/** ComfyUI's server routes, at the root and under `/api` as server.py serves them. */
export const comfyuiEmulator: EmulatorDefinition = {
  provider: 'comfyui',
  createApp(context) {
    const app = new Hono();
    const api = routes(context);
    app.route('/api', api);
    app.route('/', api);
    return app;
  },
};
