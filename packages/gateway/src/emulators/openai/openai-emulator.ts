import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { VideoVariant } from '@vgw/spec';
import { Hono, type Context } from 'hono';
import {
  outputUrl,
  renderSize,
  type EmulatorContext,
  type EmulatorDefinition,
} from '../emulator-definition.js';
import { createRefusal, statusSabotage, triggersIn } from '../emulator-triggers.js';
import { checkBearer, openaiError } from './openai-emulator-errors.js';
import {
  emulatedModels,
  emulatedSeconds,
  readCreateFields,
  type CreateFields,
} from './openai-emulator-create.js';
import { videoObject, type EmulatedVideo } from './openai-emulator-video.js';

const mediaTypes: Record<VideoVariant, string> = {
  video: 'video/mp4',
  thumbnail: 'image/jpeg',
  spritesheet: 'image/jpeg',
};

/** A create the real API would refuse, as its 400; null when the fields are acceptable. */
function invalidCreate(context: Context, fields: CreateFields): Response | null {
  if (fields.prompt == null || fields.prompt.trim() === '') {
    return openaiError(context, 400, "Missing required parameter: 'prompt'.", {
      param: 'prompt',
      code: 'missing_required_parameter',
    });
  }
  const sizes = emulatedModels[fields.model];
  if (sizes == null) {
    return openaiError(context, 400, `Invalid model '${fields.model}'.`, {
      param: 'model',
      code: 'invalid_value',
    });
  }
  if (!emulatedSeconds.includes(fields.seconds)) {
    return openaiError(context, 400, `Invalid value for 'seconds': '${fields.seconds}'.`, {
      param: 'seconds',
      code: 'invalid_value',
    });
  }
  if (!sizes.includes(fields.size)) {
    return openaiError(context, 400, `Invalid size '${fields.size}' for ${fields.model}.`, {
      param: 'size',
      code: 'invalid_value',
    });
  }
  return null;
}

/** The create-time triggers: rate limits, one-off errors and input moderation. */
function triggeredCreate(emulator: EmulatorContext, context: Context, prompt: string) {
  const refusal = createRefusal(emulator.once, prompt);
  if (refusal === 'rate_limited') {
    return openaiError(context, 429, 'Rate limit reached.', {
      type: 'requests',
      code: 'rate_limit_exceeded',
      headers: { 'retry-after': '1' },
    });
  }
  if (refusal === 'server_error') {
    return openaiError(context, 500, 'The server had an error while processing your request.', {
      type: 'server_error',
    });
  }
  if (triggersIn(prompt).has('moderate')) {
    return openaiError(context, 400, 'Your request was blocked by our moderation system.', {
      param: 'prompt',
      code: 'moderation_blocked',
    });
  }
  return null;
}

function notFound(context: Context, id: string): Response {
  return openaiError(context, 404, `Video with id '${id}' not found.`, { code: 'not_found' });
}

function registerCreate(app: Hono, emulator: EmulatorContext, videos: Map<string, EmulatedVideo>) {
  app.post('/v1/videos', async (context) => {
    const fields = await readCreateFields(context);
    if (fields == null) return openaiError(context, 400, 'The request body is not valid JSON.');
    const refused =
      invalidCreate(context, fields) ?? triggeredCreate(emulator, context, fields.prompt ?? '');
    if (refused != null) return refused;
    const { width, height } = renderSize(fields.size);
    const job = emulator.renderer.submit({
      prompt: fields.prompt ?? '',
      seconds: Number(fields.seconds),
      width,
      height,
      fps: 12,
      seed: null,
      imagePath: fields.imagePath,
    });
    const video: EmulatedVideo = {
      id: `video_${job.id.replaceAll('-', '')}`,
      jobId: job.id,
      model: fields.model,
      prompt: fields.prompt ?? '',
      seconds: fields.seconds,
      size: fields.size,
      statusChecks: 0,
    };
    videos.set(video.id, video);
    return context.json(videoObject(video, job));
  });
}

function registerRetrieve(
  app: Hono,
  emulator: EmulatorContext,
  videos: Map<string, EmulatedVideo>,
) {
  app.get('/v1/videos/:id', async (context) => {
    const video = videos.get(context.req.param('id'));
    if (video == null) return notFound(context, context.req.param('id'));
    video.statusChecks += 1;
    const sabotage = statusSabotage({
      triggers: triggersIn(video.prompt),
      checks: video.statusChecks,
    });
    if (sabotage === 'flap') {
      return openaiError(context, 500, 'The server had an error.', { type: 'server_error' });
    }
    if (sabotage === 'garbage') {
      return context.body('{"id": "video_', 200, { 'content-type': 'application/json' });
    }
    const job = await emulator.renderer.check(video.jobId);
    if (job == null) return notFound(context, video.id);
    return context.json(videoObject(video, job));
  });
}

function registerContent(app: Hono, emulator: EmulatorContext, videos: Map<string, EmulatedVideo>) {
  app.get('/v1/videos/:id/content', (context) => {
    const video = videos.get(context.req.param('id'));
    const job = video != null ? emulator.renderer.get(video.jobId) : null;
    if (video == null || job == null) return notFound(context, context.req.param('id'));
    const variant = (context.req.query('variant') ?? 'video') as VideoVariant;
    if (!(variant in mediaTypes)) {
      return openaiError(context, 400, `Invalid variant '${variant}'.`, { param: 'variant' });
    }
    if (job.state !== 'succeeded') {
      return openaiError(context, 404, `Video '${video.id}' has no content yet.`, {
        code: 'not_found',
      });
    }
    const url = outputUrl(emulator, job, variant);
    const path = job.files[variant];
    if (url == null || path == null) {
      return openaiError(context, 404, `No ${variant} content for '${video.id}'.`, {
        code: 'not_found',
      });
    }
    // The broken-URL triggers answer with a redirect, the only way a binary endpoint can point away.
    if (!url.startsWith(`${emulator.baseURL()}/__emulator/files/`))
      return context.redirect(url, 302);
    const stream = Readable.toWeb(createReadStream(path)) as ReadableStream;
    return new Response(stream, { headers: { 'content-type': mediaTypes[variant] } });
  });
}

function registerList(app: Hono, emulator: EmulatorContext, videos: Map<string, EmulatedVideo>) {
  app.get('/v1/videos', (context) => {
    const order = context.req.query('order') === 'asc' ? 'asc' : 'desc';
    const limit = Math.min(100, Math.max(1, Number(context.req.query('limit') ?? 20) || 20));
    const all = [...videos.values()];
    if (order === 'desc') all.reverse();
    const after = context.req.query('after');
    const start = after != null ? all.findIndex((video) => video.id === after) + 1 : 0;
    const page = all.slice(start, start + limit);
    const data = page.flatMap((video) => {
      const job = emulator.renderer.get(video.jobId);
      return job != null ? [videoObject(video, job)] : [];
    });
    return context.json({
      object: 'list',
      data,
      first_id: data[0]?.id ?? null,
      last_id: data.at(-1)?.id ?? null,
      has_more: start + limit < all.length,
    });
  });
}

function registerDelete(app: Hono, emulator: EmulatorContext, videos: Map<string, EmulatedVideo>) {
  app.delete('/v1/videos/:id', (context) => {
    const video = videos.get(context.req.param('id'));
    const job = video != null ? emulator.renderer.get(video.jobId) : null;
    if (video == null || job == null) return notFound(context, context.req.param('id'));
    if (job.state === 'queued' || job.state === 'running') {
      return openaiError(context, 400, 'Only completed or failed videos can be deleted.', {
        param: 'video_id',
      });
    }
    emulator.renderer.delete(video.jobId);
    videos.delete(video.id);
    return context.json({ id: video.id, object: 'video.deleted', deleted: true });
  });
}

/** OpenAI's Videos API (`/v1/videos`), rendered by the local engine. */
export const openaiEmulator: EmulatorDefinition = {
  provider: 'openai',
  createApp(emulator) {
    const app = new Hono();
    const videos = new Map<string, EmulatedVideo>();
    app.use('/v1/*', async (context, next) => {
      const refused = checkBearer(context, emulator.apiKey);
      if (refused != null) return refused;
      await next();
    });
    registerCreate(app, emulator, videos);
    registerList(app, emulator, videos);
    registerContent(app, emulator, videos);
    registerRetrieve(app, emulator, videos);
    registerDelete(app, emulator, videos);
    return app;
  },
};
