import { Readable } from 'node:stream';
import { InvalidRequestError, NotFoundError } from '@vgw/spec';
import { Hono, type Context } from 'hono';
import type { StoryboardRecord } from '../../db/storyboard-record.js';
import {
  findShotVideos,
  findStoryboard,
  listStoryboards,
} from '../../db/storyboards-repository.js';
import { createStoryboard } from '../../storyboards/create-storyboard.js';
import { planStoryboard } from '../../storyboards/plan-storyboard.js';
import { parseStoryboardInput, type StoryboardInput } from '../../storyboards/storyboard-input.js';
import type { AppDeps, AppEnv } from '../app-deps.js';
import { idempotencyKeyOf } from '../openai/idempotency-key.js';
import { limitCreates } from '../middleware/rate-limit.js';
import { inspectJsonValue } from '../openai/inspect-json-value.js';
import { parseListQuery } from '../openai/list-query.js';
import { readCreateRequest } from '../openai/read-create-request.js';
import { scoresSummaryCacheOf } from '../openai/scores-summary-cache.js';
import {
  toStoryboardEstimateObject,
  toStoryboardListObject,
  toStoryboardObject,
} from '../openai/storyboard-object.js';
import { parseRange } from './video-content-route.js';

const plausibleId = /^[A-Za-z0-9_-]{1,128}$/;

function storyboardIdParam(context: Context): string {
  const id = context.req.param('id') ?? '';
  if (!plausibleId.test(id)) {
    throw new NotFoundError(`no storyboard with id ${JSON.stringify(id)}`, 'storyboard_id');
  }
  return id;
}

/** A JSON body only: shot images travel as base64 in it, not as multipart parts. */
async function readStoryboardBody(context: Context<AppEnv>): Promise<StoryboardInput> {
  const contentType = context.req.header('content-type') ?? '';
  if (!contentType.startsWith('application/json')) {
    throw new InvalidRequestError(
      'send the storyboard as application/json (shot images as base64 data: URLs)',
      'Content-Type',
      'unsupported_content_type',
    );
  }
  const { body } = await readCreateRequest(context);
  if (body != null && typeof body === 'object' && !Array.isArray(body)) {
    for (const [name, value] of Object.entries(body)) {
      inspectJsonValue(value, name, { maxDepth: 4, maxBytes: Number.POSITIVE_INFINITY });
    }
  }
  return parseStoryboardInput(body);
}

async function toObject(deps: AppDeps, storyboard: StoryboardRecord) {
  const videos = await findShotVideos(deps.database, storyboard.id);
  const completed = videos.filter((video) => video.status === 'completed');
  const scores = await scoresSummaryCacheOf(deps.database).summaries(
    completed.map((video) => video.videoId),
  );
  return toStoryboardObject(storyboard, { videos, scores });
}

async function requireStoryboard(deps: AppDeps, context: Context<AppEnv>) {
  const id = storyboardIdParam(context);
  const storyboard = await findStoryboard(deps.database, context.get('projectId'), id);
  if (storyboard == null) throw new NotFoundError(`no storyboard with id "${id}"`, 'storyboard_id');
  return storyboard;
}

async function serveStitched(deps: AppDeps, context: Context<AppEnv>): Promise<Response> {
  const storyboard = await requireStoryboard(deps, context);
  const sha256 = storyboard.stitchedSha256;
  if (storyboard.status !== 'completed' || sha256 == null) {
    throw new InvalidRequestError(
      `storyboard ${storyboard.id} is ${storyboard.status}; its stitched video exists once it is completed`,
      'storyboard_id',
      'storyboard_not_ready',
    );
  }
  const size = await deps.store.size(sha256);
  if (size == null) throw new NotFoundError(`storyboard ${storyboard.id} has no stitched file`);
  context.header('content-range', `bytes */${size}`);
  const range = parseRange(context.req.header('range'), size);
  context.header('content-range', undefined);
  const headers = new Headers({
    'content-type': 'video/mp4',
    'accept-ranges': 'bytes',
    etag: `"${sha256}"`,
    'cache-control': 'private, max-age=31536000, immutable',
    'content-disposition': `inline; filename="${storyboard.id}.mp4"`,
    'content-length': String(range != null ? range.end - range.start + 1 : size),
  });
  if (range != null) headers.set('content-range', `bytes ${range.start}-${range.end}/${size}`);
  const status = range != null ? 206 : 200;
  if (context.req.method === 'HEAD') return new Response(null, { status, headers });
  const stream = Readable.toWeb(deps.store.openRead(sha256, range ?? undefined)) as ReadableStream;
  return new Response(stream, { status, headers });
}

/** `/v1/storyboards`: create, estimate, read, list, and the stitched MP4. */
export function storyboardsRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const limit = limitCreates(
    deps.database,
    deps.createLimits ?? { requestsPerMinute: null, projects: {} },
  );
  // Storyboard ids share the videos' injected randomness, under their own prefix.
  const newStoryboardId = () => `sb_${deps.newVideoId().replace(/^video_/, '')}`;
  routes.post('/', limit);

  routes.post('/', async (context) => {
    const input = await readStoryboardBody(context);
    const storyboard = await createStoryboard(
      { ...deps, newStoryboardId },
      {
        projectId: context.get('projectId'),
        apiKeyId: context.get('apiKeyId'),
        idempotencyKey: idempotencyKeyOf(context),
        input,
      },
    );
    return context.json(await toObject(deps, storyboard));
  });

  routes.post('/estimate', async (context) => {
    const input = await readStoryboardBody(context);
    const scope = { projectId: context.get('projectId'), apiKeyId: context.get('apiKeyId') };
    const plan = await planStoryboard(deps, scope, input, 'estimate');
    return context.json(toStoryboardEstimateObject(plan));
  });

  routes.get('/', async (context) => {
    const query = parseListQuery(context.req.query());
    const page = await listStoryboards(deps.database, {
      projectId: context.get('projectId'),
      ...query,
    });
    if (!page.cursorFound) {
      throw new InvalidRequestError(`after: no storyboard with id "${query.after}"`, 'after');
    }
    const data = await Promise.all(page.storyboards.map((each) => toObject(deps, each)));
    return context.json(toStoryboardListObject(data, page.hasMore));
  });

  routes.get('/:id', async (context) =>
    context.json(await toObject(deps, await requireStoryboard(deps, context))),
  );
  routes.on(['GET', 'HEAD'], '/:id/content', (context) => serveStitched(deps, context));
  return routes;
}
