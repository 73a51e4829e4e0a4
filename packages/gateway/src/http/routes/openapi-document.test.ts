import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi-document.js';

describe('OpenAPI document', () => {
  const document = openApiDocument() as Record<string, any>;

  it('documents GET /v1/videos/{id}/scores with the VideoScores schema', () => {
    const route = document.paths['/v1/videos/{id}/scores'].get;
    expect(route.responses['200'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/VideoScores',
    );
    expect(route.responses['404']).toBeDefined();
    const scores = document.components.schemas.VideoScores;
    expect(scores.properties.status.enum).toEqual([
      'pending',
      'running',
      'completed',
      'failed',
      'disabled',
    ]);
    expect(scores.properties.result.anyOf).toHaveLength(2);
  });

  it('gives the video object a nullable scores summary without per-frame arrays', () => {
    const video = document.components.schemas.Video;
    const [summary, nothing] = video.properties.scores.anyOf;
    expect(nothing).toEqual({ type: 'null' });
    expect(Object.keys(summary.properties)).toEqual([
      'index',
      'dynamic_degree',
      'metrics',
      'scored_at',
    ]);
    expect(JSON.stringify(summary)).not.toContain('perFrame');
  });
});
