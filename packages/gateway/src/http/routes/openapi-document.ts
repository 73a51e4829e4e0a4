import { z } from 'zod';
import { createVideoBodySchema } from '../openai/create-video-body.js';
import { videoEstimateSchema } from '../openai/video-estimate.js';
import { videoScoresObjectSchema } from '../openai/video-scores.js';
import { videoListSchema, videoObjectSchema } from '../openai/video-wire-schema.js';
import { sequencePaths, sequenceSchemas } from './openapi-sequences.js';
import { ratingsDatasetsPaths, ratingsDatasetsSchemas } from './openapi-ratings-datasets.js';
import { storyboardPaths, storyboardSchemas } from './openapi-storyboards.js';

const errorSchema = z.object({
  error: z.object({
    message: z.string(),
    type: z.string(),
    param: z.string().nullable(),
    code: z.string().nullable(),
    policy: z
      .object({
        version: z.string(),
        category: z.string().nullable(),
        rules: z.array(z.string()),
        stage: z.enum(['pre', 'post', 'log-only']),
      })
      .optional()
      .describe(
        'vgw extension on `content_policy_violation`: the policy version, category and rule ids that refused the input named by `param`.',
      ),
  }),
});

const json = (schema: string) => ({
  'application/json': { schema: { $ref: `#/components/schemas/${schema}` } },
});
const errors = {
  '400': {
    description: 'Invalid request, or an input refused by policy (`content_policy_violation`)',
    content: json('Error'),
  },
  '401': { description: 'Missing, unknown or revoked API key', content: json('Error') },
  '404': { description: 'No such video in this project', content: json('Error') },
};
const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

/** Every route, with the errors each can answer. */
const paths = {
  '/v1/videos': {
    post: {
      summary: 'Create a video',
      parameters: [{ name: 'Idempotency-Key', in: 'header', schema: { type: 'string' } }],
      requestBody: {
        content: {
          ...json('CreateVideoRequest'),
          'multipart/form-data': { schema: { type: 'object' } },
        },
      },
      responses: {
        '200': { description: 'The queued video', content: json('Video') },
        '409': { description: 'Idempotency-Key reused with another body', content: json('Error') },
        '429': {
          description: 'A budget would be overspent (`insufficient_quota`, `budget_exceeded`)',
          content: json('Error'),
        },
        '503': {
          description:
            'Every target of the route named as `model` has its circuit breaker open (`route_unavailable`, with `retry-after`)',
          content: json('Error'),
        },
        ...errors,
      },
    },
    get: {
      summary: 'List videos (cursor pagination)',
      parameters: ['after', 'limit', 'order'].map((name) => ({
        name,
        in: 'query',
        schema: { type: 'string' },
      })),
      responses: {
        '200': { description: 'A page of videos', content: json('VideoList') },
        ...errors,
      },
    },
  },
  '/v1/videos/estimate': {
    post: {
      summary: 'Price and check a create without making it (vgw extension)',
      requestBody: {
        content: {
          ...json('CreateVideoRequest'),
          'multipart/form-data': { schema: { type: 'object' } },
        },
      },
      responses: {
        '200': {
          description: 'What the create would render and cost',
          content: json('VideoEstimate'),
        },
        ...errors,
      },
    },
  },
  '/v1/videos/{id}': {
    get: {
      summary: 'Retrieve a video',
      parameters: [idParameter],
      responses: { '200': { description: 'The video', content: json('Video') }, ...errors },
    },
    delete: {
      summary: 'Delete a video and its files',
      parameters: [idParameter],
      responses: { '200': { description: 'Deleted' }, ...errors },
    },
  },
  '/v1/videos/{id}/content': {
    get: {
      summary: 'Download the video, thumbnail or spritesheet (Range supported)',
      parameters: [
        idParameter,
        {
          name: 'variant',
          in: 'query',
          schema: { enum: ['video', 'thumbnail', 'spritesheet', 'c2pa'] },
        },
      ],
      responses: {
        '200': { description: 'The file' },
        '206': { description: 'Part of the file' },
        ...errors,
      },
    },
  },
  '/v1/videos/{id}/scores': {
    get: {
      summary:
        'Temporal-stability score of a completed video: status, full result with per-frame series',
      parameters: [idParameter],
      responses: {
        '200': { description: 'Where scoring stands', content: json('VideoScores') },
        ...errors,
      },
    },
    post: {
      summary: 'Score a completed video again when its score failed (or it has none)',
      parameters: [idParameter],
      responses: {
        '202': { description: 'Queued again', content: json('VideoScores') },
        '200': {
          description: 'Already queued, running or completed',
          content: json('VideoScores'),
        },
        ...errors,
      },
    },
  },
  '/v1/videos/{id}/remix': {
    post: {
      summary: 'Remix a video with a new prompt',
      parameters: [idParameter],
      responses: { '200': { description: 'The new video', content: json('Video') }, ...errors },
    },
  },
  '/v1/webhooks/{provider}': {
    post: {
      summary:
        "A provider's completion callback: verified by the provider's signature, it brings the render's next status check forward",
      security: [],
      parameters: [{ name: 'provider', in: 'path', required: true, schema: { type: 'string' } }],
      responses: {
        '202': { description: 'Received' },
        '401': { description: 'Bad signature' },
        '404': { description: 'Provider takes no webhooks' },
      },
    },
  },
  '/v1/usage': {
    get: {
      summary: "The project's spend per day, in the shape of OpenAI's costs API (vgw extension)",
      parameters: ['start_time', 'end_time', 'bucket_width', 'limit', 'group_by'].map((name) => ({
        name,
        in: 'query',
        required: name === 'start_time',
        schema: { type: 'string' },
      })),
      responses: {
        '200': {
          description: 'One bucket per day; amounts exact in `amount_usd`',
          content: { 'application/json': { schema: { type: 'object' } } },
        },
        ...errors,
      },
    },
  },
  '/v1/engines': {
    get: {
      summary:
        'Known models with capabilities, prices and circuit-breaker health (state, consecutive_failures, open_until)',
      responses: { '200': { description: 'Engines' } },
    },
  },
  ...ratingsDatasetsPaths,
  '/healthz': {
    get: { summary: 'Liveness', security: [], responses: { '200': { description: 'Alive' } } },
  },
  '/readyz': {
    get: {
      summary: 'Readiness (database reachable)',
      security: [],
      responses: { '200': { description: 'Ready' }, '503': { description: 'Not ready' } },
    },
  },
};

/**
 * Video and VideoList from one registry, so the list's items are a `$ref` to Video rather than a
 * second copy of it. The `$id` zod stamps on each is dropped: a fragment is no valid `$id`.
 */
function videoSchemas(): Record<string, object> {
  const registry = z.registry<{ id: string }>();
  registry.add(videoObjectSchema, { id: 'Video' });
  registry.add(videoListSchema, { id: 'VideoList' });
  registry.add(videoEstimateSchema, { id: 'VideoEstimate' });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(
    Object.entries(schemas).map(([name, { $id: _id, ...schema }]) => [name, schema]),
  );
}

/** The OpenAPI 3.1 document, generated from the zod schemas that validate requests and type answers. */
export function openApiDocument(): object {
  return {
    openapi: '3.1.0',
    info: {
      title: 'vgw',
      version: '0.1.0',
      description: 'Video generation gateway, OpenAI /v1/videos compatible.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        ...videoSchemas(),
        ...sequenceSchemas(),
        ...storyboardSchemas(),
        CreateVideoRequest: z.toJSONSchema(createVideoBodySchema, {
          io: 'input',
          unrepresentable: 'any',
        }),
        VideoScores: z.toJSONSchema(videoScoresObjectSchema),
        ...ratingsDatasetsSchemas(),
        Error: z.toJSONSchema(errorSchema),
      },
    },
    security: [{ bearer: [] }],
    paths: { ...paths, ...sequencePaths, ...storyboardPaths },
  };
}
