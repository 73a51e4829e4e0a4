import { z } from 'zod';
import { createSequenceBodySchema, updateSequenceBodySchema } from '../openai/sequence-body.js';
import {
  sequenceDeletedSchema,
  sequenceListSchema,
  sequenceObjectSchema,
} from '../openai/sequence-wire-schema.js';

const json = (schema: string) => ({
  'application/json': { schema: { $ref: `#/components/schemas/${schema}` } },
});
const errors = {
  '400': { description: 'Invalid request (`param` names the field)', content: json('Error') },
  '401': { description: 'Missing, unknown or revoked API key', content: json('Error') },
  '404': { description: 'No such sequence in this project', content: json('Error') },
};
const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const query = (name: string, schema: object, description: string) => ({
  name,
  in: 'query',
  schema,
  description,
});

const exportResponses = {
  '200': {
    description:
      'The timeline as an attachment (`content-disposition`), or the package as a zip. `vgw-warnings` holds a JSON array of what editors will conform (as many as fit in 8 KiB), `vgw-warnings-count` all of them.',
    headers: {
      'vgw-warnings': { schema: { type: 'string' } },
      'vgw-warnings-count': { schema: { type: 'string' } },
    },
    content: {
      'application/xml': { schema: { type: 'string' } },
      'text/plain': { schema: { type: 'string' } },
      'application/json': { schema: { type: 'object' } },
      'application/zip': { schema: { type: 'string', format: 'binary' } },
    },
  },
  '409': {
    description: 'A clip’s video was deleted since it was cut in (`clip_unavailable`)',
    content: json('Error'),
  },
  ...errors,
};

/** `/v1/sequences` paths, merged into the document by `openapi-document.ts`. */
export const sequencePaths = {
  '/v1/sequences': {
    post: {
      summary: 'Create a sequence: an ordered cut of completed videos (vgw extension)',
      requestBody: { content: json('CreateSequenceRequest') },
      responses: { '200': { description: 'The sequence', content: json('Sequence') }, ...errors },
    },
    get: {
      summary: 'List sequences (cursor pagination)',
      parameters: ['after', 'limit', 'order'].map((name) =>
        query(name, { type: 'string' }, 'As on `GET /v1/videos`.'),
      ),
      responses: {
        '200': { description: 'A page of sequences', content: json('SequenceList') },
        ...errors,
      },
    },
  },
  '/v1/sequences/{id}': {
    get: {
      summary: 'Retrieve a sequence, with warnings about its clips as they stand now',
      parameters: [idParameter],
      responses: { '200': { description: 'The sequence', content: json('Sequence') }, ...errors },
    },
    patch: {
      summary: 'Change name, rate, size or start, replace the clips or append to them',
      parameters: [idParameter],
      requestBody: { content: json('UpdateSequenceRequest') },
      responses: { '200': { description: 'The sequence', content: json('Sequence') }, ...errors },
    },
    delete: {
      summary: 'Delete a sequence (its videos stay)',
      parameters: [idParameter],
      responses: {
        '200': { description: 'Deleted', content: json('SequenceDeleted') },
        ...errors,
      },
    },
  },
  '/v1/sequences/{id}/export': {
    get: {
      summary:
        'Export for an editor: FCPXML, FCP7 XML (xmeml), CMX 3600 EDL, OpenTimelineIO, or a relinkable zip package with media and provenance',
      parameters: [
        idParameter,
        query(
          'format',
          { type: 'string', enum: ['fcpxml', 'xmeml', 'edl', 'otio', 'package'] },
          'Timeline formats point at the stored files by absolute file:// URL; `package` holds all four with media/ paths relative to them.',
        ),
        query(
          'version',
          { type: 'string', enum: ['1.8', '1.9', '1.10', '1.11'] },
          'FCPXML version (fcpxml and package; default 1.9).',
        ),
      ],
      responses: exportResponses,
    },
  },
};

/** The sequence schemas, for `components.schemas`. */
export function sequenceSchemas(): Record<string, object> {
  const registry = z.registry<{ id: string }>();
  registry.add(sequenceObjectSchema, { id: 'Sequence' });
  registry.add(sequenceListSchema, { id: 'SequenceList' });
  registry.add(sequenceDeletedSchema, { id: 'SequenceDeleted' });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}` });
  return {
    ...Object.fromEntries(
      Object.entries(schemas).map(([name, { $id: _id, ...schema }]) => [name, schema]),
    ),
    CreateSequenceRequest: z.toJSONSchema(createSequenceBodySchema, { io: 'input' }),
    UpdateSequenceRequest: z.toJSONSchema(updateSequenceBodySchema, { io: 'input' }),
  };
}
