import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi-document.js';

describe('OpenAPI storyboards', () => {
  const document = openApiDocument() as Record<string, any>;

  it('documents every storyboard route with its schemas', () => {
    for (const path of [
      '/v1/storyboards',
      '/v1/storyboards/estimate',
      '/v1/storyboards/{id}',
      '/v1/storyboards/{id}/content',
    ]) {
      expect(document.paths[path], path).toBeDefined();
    }
    const create = document.paths['/v1/storyboards'].post;
    expect(create.responses['200'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/Storyboard',
    );
    expect(create.responses['429']).toBeDefined();
    const list = document.components.schemas.StoryboardList;
    expect(list.properties.data.items.$ref).toBe('#/components/schemas/Storyboard');
    const storyboard = document.components.schemas.Storyboard;
    expect(storyboard.properties.status.enum).toEqual([
      'queued',
      'rendering',
      'stitching',
      'scoring',
      'completed',
      'failed',
    ]);
    const request = document.components.schemas.CreateStoryboardRequest;
    expect(request.properties.shots.maxItems).toBe(100);
    expect(Object.keys(request.properties.shots.items.properties)).toEqual([
      'prompt',
      'seconds',
      'model',
      'image',
      'continue',
      'seed',
    ]);
    // The video routes are still there beside them.
    expect(document.paths['/v1/videos']).toBeDefined();
  });
});
