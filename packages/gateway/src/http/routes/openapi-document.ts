import { z } from 'zod';
import { createVideoBodySchema } from '../openai/create-video-body.js';
import { videoScoresObjectSchema, videoScoresSummarySchema } from '../openai/video-scores.js';

const errorSchema = z.object({
  error: z.object({
    message: z.string(),
    type: z.string(),
    param: z.string().nullable(),
    code: z.string().nullable(),
  }),
});

const videoSchema = z.object({
  id: z.string(),
  object: z.literal('video'),
  model: z.string(),
  status: z.enum(['queued', 'in_progress', 'completed', 'failed']),
  progress: z.number(),
  created_at: z.number().int(),
  completed_at: z.number().int().nullable(),
  expires_at: z.number().int().nullable(),
  prompt: z.string(),
  seconds: z.string(),
  size: z.string(),
  remixed_from_video_id: z.string().nullable(),
  error: z
    .object({ code: z.string(), message: z.string(), param: z.string().optional() })
    .nullable(),
  provider: z.string(),
  fps: z.number().int(),
  seed: z.number().int().nullable(),
  warnings: z.array(z.object({ type: z.string(), message: z.string() }).loose()),
  scores: videoScoresSummarySchema.nullable(),
});

const json = (schema: string) => ({
  'application/json': { schema: { $ref: `#/components/schemas/${schema}` } },
});
const errors = {
  '400': { description: 'Invalid request', content: json('Error') },
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
      responses: { '200': { description: 'A page of videos' }, ...errors },
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
          schema: { enum: ['video', 'thumbnail', 'spritesheet'] },
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
  '/v1/engines': {
    get: {
      summary: 'Configured models with capabilities and prices',
      responses: { '200': { description: 'Engines' } },
    },
  },
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

/** The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. */
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
        Video: z.toJSONSchema(videoSchema),
        CreateVideoRequest: z.toJSONSchema(createVideoBodySchema, {
          io: 'input',
          unrepresentable: 'any',
        }),
        VideoScores: z.toJSONSchema(videoScoresObjectSchema),
        Error: z.toJSONSchema(errorSchema),
      },
    },
    security: [{ bearer: [] }],
    paths,
  };
}
