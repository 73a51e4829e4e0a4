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

describe('OpenAPI document: ratings and datasets', () => {
  const document = openApiDocument() as Record<string, any>;

  it('documents the ratings and dataset routes with their schemas', () => {
    const rate = document.paths['/v1/videos/{id}/ratings'].post;
    expect(rate.requestBody.content['application/json'].schema.$ref).toBe(
      '#/components/schemas/CreateRatingRequest',
    );
    const create = document.components.schemas.CreateRatingRequest;
    expect(create.required).toEqual(['score']);
    expect(create.properties.score).toMatchObject({ minimum: 1, maximum: 5 });
    expect(document.paths['/v1/datasets'].post.responses['202']).toBeDefined();
    const dataset = document.components.schemas.Dataset;
    expect(dataset.properties.status.enum).toEqual(['queued', 'running', 'completed', 'failed']);
    const request = document.components.schemas.CreateDatasetRequest;
    expect(request.properties.conform.anyOf[0].enum).toEqual(['wan', 'hunyuan', 'ltx']);
    expect(document.components.schemas.Video.properties.ratings.anyOf).toHaveLength(2);
  });
});
