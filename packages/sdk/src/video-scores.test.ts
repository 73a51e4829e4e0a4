import { describe, expect, it } from 'vitest';
import { NotFoundError } from './errors.js';
import { createTestClient, jsonResponse } from './test-support/fake-fetch.js';
import type { VideoScores } from './video-scores.js';

const pending: VideoScores = {
  object: 'video.scores',
  video_id: 'video/1',
  status: 'pending',
  result: null,
  error: null,
};

describe('videos.retrieveScores', () => {
  it('GETs /videos/{id}/scores and returns the body as sent', async () => {
    const { client, requests } = createTestClient([jsonResponse(pending)]);
    expect(await client.videos.retrieveScores('video/1')).toEqual(pending);
    expect(requests.map((request) => `${request.method} ${request.url.pathname}`)).toEqual([
      'GET /v1/videos/video%2F1/scores',
    ]);
    expect(requests[0]?.headers.get('idempotency-key')).toBeNull();
  });

  it('maps a 404 to NotFoundError', async () => {
    const body = {
      error: { message: 'no video', type: 'invalid_request_error', param: 'video_id', code: null },
    };
    const { client } = createTestClient([jsonResponse(body, 404)]);
    const error = await client.videos.retrieveScores('video_x').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
  });
});

describe('videos.rescore', () => {
  it('POSTs /videos/{id}/scores and returns the score state', async () => {
    const { client, requests } = createTestClient([jsonResponse(pending, 202)]);
    expect(await client.videos.rescore('video/1')).toEqual(pending);
    expect(requests.map((request) => `${request.method} ${request.url.pathname}`)).toEqual([
      'POST /v1/videos/video%2F1/scores',
    ]);
  });
});
