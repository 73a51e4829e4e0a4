import { InvalidRequestError, NotFoundError } from '@vgw/spec';
import { Hono, type Context } from 'hono';
import { findVideo, listVideos } from '../../db/videos-repository.js';
import type { VideoRecord } from '../../db/video-record.js';
import { attemptsOf } from '../../db/video-attempts-repository.js';
import { planVideoNow } from '../../generation/admit-plan.js';
import { createVideo } from '../../generation/create-video.js';
import type { CreateVideoInput } from '../../generation/create-video-input.js';
import { deleteVideo } from '../../generation/delete-video.js';
import { inspectImage } from '../../generation/inspect-image.js';
import { screenInputs } from '../../generation/screen-inputs.js';
import type { AppDeps, AppEnv } from '../app-deps.js';
import { idempotencyKeyOf } from '../openai/idempotency-key.js';
import { limitCreates } from '../middleware/rate-limit.js';
import { parseCreateVideoBody } from '../openai/create-video-body.js';
import { readCreateRequest } from '../openai/read-create-request.js';
import { toVideoEstimateObject } from '../openai/video-estimate.js';
import { toVideoListObject, toVideoObject } from '../openai/video-object.js';
import { parseListQuery } from '../openai/list-query.js';
import { serveVideoContent } from './video-content-route.js';
import { requeueVideoScores, scoresSummaries, serveVideoScores } from './video-scores-route.js';
import { rateVideo, ratingsSummaries, serveVideoRatings } from './video-ratings-route.js';
import { videoIdParam } from './video-id-param.js';

/** Wire videos with their summaries, each looked up once for the whole page. */
async function toVideoObjects(deps: AppDeps, videos: VideoRecord[]) {
  const [scores, attempts, ratings] = await Promise.all([
    scoresSummaries(deps, videos),
    attemptsOf(deps.database, videos),
    ratingsSummaries(deps, videos),
  ]);
  return videos.map((video) =>
    toVideoObject(video, {
      scores: scores.get(video.id) ?? null,
      attempts: attempts.get(video.id) ?? [],
      ratings: ratings.get(video.id) ?? null,
    }),
  );
}

async function respondWithVideo(deps: AppDeps, context: Context<AppEnv>, video: VideoRecord) {
  if (video.status === 'queued' || video.status === 'in_progress') {
    context.header('openai-poll-after-ms', String(deps.pollAfterMs));
  }
  const [object] = await toVideoObjects(deps, [video]);
  return context.json(object);
}

async function requireVideo(deps: AppDeps, context: Context<AppEnv>): Promise<VideoRecord> {
  const id = videoIdParam(context);
  const video = await findVideo(deps.database, context.get('projectId'), id);
  if (video == null) throw new NotFoundError(`no video with id "${id}"`, 'video_id');
  return video;
}

/** A new video with the source's settings and a new prompt. */
async function remix(deps: AppDeps, context: Context<AppEnv>): Promise<Response> {
  const source = await requireVideo(deps, context);
  const { body } = await readCreateRequest(context);
  const prompt = (body as { prompt?: unknown } | null)?.prompt;
  const input = parseCreateVideoBody(
    {
      prompt,
      // A routed video remixes through its route, so fallback and breakers still apply.
      model: source.route ?? source.model,
      seconds: source.seconds,
      size: source.size,
      fps: source.fps,
      ...(source.seed != null ? { seed: source.seed } : {}),
      provider_options: source.providerOptions,
    },
    null,
    source.id,
  );
  const video = await createVideo(deps, {
    projectId: context.get('projectId'),
    apiKeyId: context.get('apiKeyId'),
    idempotencyKey: idempotencyKeyOf(context),
    input,
  });
  return respondWithVideo(deps, context, video);
}

/** An estimate shows the refusal a create would get, so a client learns it before paying. */
async function screenEstimate(deps: AppDeps, context: Context<AppEnv>, input: CreateVideoInput) {
  if (deps.policy == null) return;
  const bytes = input.inputReference;
  const image = bytes != null ? { bytes, mediaType: (await inspectImage(bytes)).mediaType } : null;
  await screenInputs(deps.policy, {
    projectId: context.get('projectId'),
    apiKeyId: context.get('apiKeyId'),
    operation: 'estimate',
    prompt: input.prompt,
    image,
    videoId: null,
  });
}

export function videosRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const createDeps = { ...deps };
  const limit = limitCreates(
    deps.database,
    deps.createLimits ?? { requestsPerMinute: null, projects: {} },
  );
  routes.post('/', limit);
  routes.post('/:id/remix', limit);

  routes.post('/', async (context) => {
    const { body, upload } = await readCreateRequest(context);
    const input = parseCreateVideoBody(body, upload);
    const video = await createVideo(createDeps, {
      projectId: context.get('projectId'),
      apiKeyId: context.get('apiKeyId'),
      idempotencyKey: idempotencyKeyOf(context),
      input,
    });
    return respondWithVideo(deps, context, video);
  });

  // Priced and checked as a create would be; nothing is stored, reserved or started.
  routes.post('/estimate', async (context) => {
    const { body, upload } = await readCreateRequest(context);
    const input = parseCreateVideoBody(body, upload);
    // A weighted route draws by video id at create; an estimate draws by its prompt instead.
    const plan = await planVideoNow(deps, input, `estimate:${input.prompt}`);
    await screenEstimate(deps, context, input);
    return context.json(toVideoEstimateObject(plan));
  });

  routes.get('/', async (context) => {
    const query = parseListQuery(context.req.query());
    const page = await listVideos(deps.database, { projectId: context.get('projectId'), ...query });
    if (!page.cursorFound) {
      throw new InvalidRequestError(`after: no video with id "${query.after}"`, 'after');
    }
    const data = await toVideoObjects(deps, page.videos);
    return context.json(toVideoListObject(data, page.hasMore));
  });

  routes.get('/:id', async (context) =>
    respondWithVideo(deps, context, await requireVideo(deps, context)),
  );

  routes.delete('/:id', async (context) => {
    const id = videoIdParam(context);
    const deleted = await deleteVideo(deps, context.get('projectId'), id);
    if (!deleted) throw new NotFoundError(`no video with id "${id}"`, 'video_id');
    return context.json({ id, object: 'video.deleted', deleted: true });
  });

  routes.on(['GET', 'HEAD'], '/:id/content', (context) => serveVideoContent(deps, context));

  routes.get('/:id/scores', (context) => serveVideoScores(deps, context));
  routes.post('/:id/scores', (context) => requeueVideoScores(deps, context));
  routes.get('/:id/ratings', (context) => serveVideoRatings(deps, context));
  routes.post('/:id/ratings', (context) => rateVideo(deps, context));

  routes.post('/:id/remix', (context) => remix(deps, context));

  return routes;
}
