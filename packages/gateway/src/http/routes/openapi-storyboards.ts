import { z } from 'zod';
import { storyboardInputSchema } from '../../storyboards/storyboard-input.js';
import {
  storyboardEstimateSchema,
  storyboardListSchema,
  storyboardObjectSchema,
} from '../openai/storyboard-wire-schema.js';

const json = (schema: string) => ({
  'application/json': { schema: { $ref: `#/components/schemas/${schema}` } },
});
const error = (description: string) => ({ description, content: json('Error') });
const errors = {
  '400': error(
    'Invalid storyboard (`param` names the field, e.g. `shots[2].prompt`) or a refused shot',
  ),
  '401': error('Missing, unknown or revoked API key'),
};
const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const notFound = { '404': error('No such storyboard in this project') };

/** The storyboard routes of `/openapi.json`. */
export const storyboardPaths = {
  '/v1/storyboards': {
    post: {
      summary: 'Render a shot list as videos and stitch them into one MP4 (vgw extension)',
      requestBody: { content: json('CreateStoryboardRequest') },
      responses: {
        '200': { description: 'The queued storyboard', content: json('Storyboard') },
        '429': error("The storyboard's total estimate does not fit a budget (`budget_exceeded`)"),
        ...errors,
      },
    },
    get: {
      summary: 'List storyboards (cursor pagination)',
      parameters: ['after', 'limit', 'order'].map((name) => ({
        name,
        in: 'query',
        schema: { type: 'string' },
      })),
      responses: {
        '200': { description: 'A page of storyboards', content: json('StoryboardList') },
        ...errors,
      },
    },
  },
  '/v1/storyboards/estimate': {
    post: {
      summary: 'Plan and price every shot of a storyboard, with nothing written or rendered',
      requestBody: { content: json('CreateStoryboardRequest') },
      responses: {
        '200': { description: 'The estimate', content: json('StoryboardEstimate') },
        ...errors,
      },
    },
  },
  '/v1/storyboards/{id}': {
    get: {
      summary: 'A storyboard: shots, cost, stitched file, seam scores, sequence',
      parameters: [idParameter],
      responses: {
        '200': { description: 'The storyboard', content: json('Storyboard') },
        ...errors,
        ...notFound,
      },
    },
  },
  '/v1/storyboards/{id}/content': {
    get: {
      summary: 'The stitched MP4 (`Range` supported)',
      parameters: [idParameter, { name: 'Range', in: 'header', schema: { type: 'string' } }],
      responses: {
        '200': { description: 'The MP4', content: { 'video/mp4': {} } },
        '206': { description: 'Part of the MP4', content: { 'video/mp4': {} } },
        '416': error('Range outside the file'),
        ...errors,
        ...notFound,
      },
    },
  },
};

/** Storyboard, StoryboardList (items by `$ref`), StoryboardEstimate and the request body. */
export function storyboardSchemas(): Record<string, object> {
  const registry = z.registry<{ id: string }>();
  registry.add(storyboardObjectSchema, { id: 'Storyboard' });
  registry.add(storyboardListSchema, { id: 'StoryboardList' });
  registry.add(storyboardEstimateSchema, { id: 'StoryboardEstimate' });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}` });
  return {
    ...Object.fromEntries(
      Object.entries(schemas).map(([name, { $id: _id, ...schema }]) => [name, schema]),
    ),
    CreateStoryboardRequest: z.toJSONSchema(storyboardInputSchema, {
      io: 'input',
      unrepresentable: 'any',
    }),
  };
}
