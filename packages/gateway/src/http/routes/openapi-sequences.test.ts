import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi-document.js';

describe('OpenAPI document: sequences', () => {
  const document = openApiDocument() as Record<string, any>;

  it('documents every /v1/sequences route with its schemas', () => {
    const paths = document.paths;
    expect(Object.keys(paths['/v1/sequences'])).toEqual(['post', 'get']);
    expect(Object.keys(paths['/v1/sequences/{id}'])).toEqual(['get', 'patch', 'delete']);
    expect(paths['/v1/sequences'].post.responses['200'].content['application/json'].schema).toEqual(
      { $ref: '#/components/schemas/Sequence' },
    );
    const exportRoute = paths['/v1/sequences/{id}/export'].get;
    const format = exportRoute.parameters.find((each: any) => each.name === 'format');
    expect(format.schema.enum).toEqual(['fcpxml', 'xmeml', 'edl', 'otio', 'package']);
    expect(exportRoute.responses['409']).toBeDefined();
    // The videos' paths are still there beside ours.
    expect(paths['/v1/videos']).toBeDefined();
  });

  it('has the sequence object, its list by $ref, and both request bodies', () => {
    const { schemas } = document.components;
    expect(Object.keys(schemas.Sequence.properties)).toContain('start_timecode');
    expect(schemas.SequenceList.properties.data.items).toEqual({
      $ref: '#/components/schemas/Sequence',
    });
    expect(schemas.CreateSequenceRequest.required).toEqual(['fps', 'clips']);
    expect(Object.keys(schemas.UpdateSequenceRequest.properties)).toContain('append_clips');
    expect(JSON.stringify(document)).not.toContain('"$id"');
  });
});
