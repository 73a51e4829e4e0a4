import { z } from 'zod';
import { datasetRequestSchema } from '../../datasets/dataset-request.js';
import { datasetListSchema, datasetObjectSchema } from '../openai/dataset-object.js';
import {
  createRatingBodySchema,
  ratingListSchema,
  ratingObjectSchema,
} from '../openai/video-ratings.js';

const json = (schema: string) => ({
  'application/json': { schema: { $ref: `#/components/schemas/${schema}` } },
});
const error = (description: string) => ({ description, content: json('Error') });
const errors = {
  '400': error('Invalid request, naming `param`'),
  '401': error('Missing, unknown or revoked API key'),
};
const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

/** Ratings (`/v1/videos/{id}/ratings`) and dataset exports (`/v1/datasets`). */
export const ratingsDatasetsPaths = {
  '/v1/videos/{id}/ratings': {
    post: {
      summary: "Rate a completed video 1-5 with tags and a note (replaces this key's rating)",
      parameters: [idParameter],
      requestBody: { content: json('CreateRatingRequest') },
      responses: {
        '200': { description: "This key's rating", content: json('VideoRating') },
        ...errors,
        '404': error('No such video in this project'),
      },
    },
    get: {
      summary: "Every key's rating of the video, oldest first",
      parameters: [idParameter],
      responses: {
        '200': { description: 'The ratings', content: json('VideoRatingList') },
        ...errors,
        '404': error('No such video in this project'),
      },
    },
  },
  '/v1/datasets': {
    post: {
      summary: "Export the project's labelled, completed videos as a fine-tuning dataset (a job)",
      requestBody: { content: json('CreateDatasetRequest') },
      responses: { '202': { description: 'Queued', content: json('Dataset') }, ...errors },
    },
    get: {
      summary: "The project's dataset exports, newest first (cursor pagination)",
      parameters: ['after', 'limit'].map((name) => ({
        name,
        in: 'query',
        schema: { type: 'string' },
      })),
      responses: { '200': { description: 'A page', content: json('DatasetList') }, ...errors },
    },
  },
  '/v1/datasets/{id}': {
    get: {
      summary: 'Where an export stands, and what it wrote and left out',
      parameters: [idParameter],
      responses: {
        '200': { description: 'The export', content: json('Dataset') },
        ...errors,
        '404': error('No such dataset in this project'),
      },
    },
  },
  '/v1/datasets/{id}/content': {
    get: {
      summary: 'The completed export as a zip (train/, validation/, manifests, README.txt)',
      parameters: [idParameter],
      responses: {
        '200': { description: 'The zip', content: { 'application/zip': {} } },
        ...errors,
        '404': error('No such dataset in this project'),
      },
    },
  },
};

/** Their component schemas, from the zod schemas that validate and type them. */
export function ratingsDatasetsSchemas(): Record<string, object> {
  const registry = z.registry<{ id: string }>();
  registry.add(ratingObjectSchema, { id: 'VideoRating' });
  registry.add(ratingListSchema, { id: 'VideoRatingList' });
  registry.add(datasetObjectSchema, { id: 'Dataset' });
  registry.add(datasetListSchema, { id: 'DatasetList' });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}` });
  const output = Object.fromEntries(
    Object.entries(schemas).map(([name, { $id: _id, ...schema }]) => [name, schema]),
  );
  return {
    ...output,
    CreateRatingRequest: z.toJSONSchema(createRatingBodySchema, { io: 'input' }),
    CreateDatasetRequest: z.toJSONSchema(datasetRequestSchema, { io: 'input' }),
  };
}
