import { describe, expect, it } from 'vitest';
import type { Storyboard } from './storyboard-types.js';
import { createTestClient, jsonResponse } from './test-support/fake-fetch.js';

function makeStoryboard(overrides: Partial<Storyboard> = {}): Storyboard {
  return {
    id: 'sb_1',
    object: 'storyboard',
    name: null,
    status: 'queued',
    created_at: 1,
    completed_at: null,
    model: null,
    size: null,
    fps: null,
    shots: [],
    cost: { estimate_usd: '0.800000', settled_usd: null },
    stitched: null,
    seams: null,
    sequence_id: null,
    error: null,
    ...overrides,
  };
}

describe('storyboards request shapes', () => {
  it('create and estimate POST the storyboard as JSON', async () => {
    const estimate = { object: 'storyboard.estimate', shots: [], cost: { estimate_usd: '0.4' } };
    const { client, requests } = createTestClient([
      jsonResponse(makeStoryboard()),
      jsonResponse(estimate),
    ]);
    const body = { name: 'day', shots: [{ prompt: 'dawn' }, { prompt: 'noon', continue: true }] };
    expect((await client.storyboards.create(body)).id).toBe('sb_1');
    expect(await client.storyboards.estimate(body)).toEqual(estimate);
    expect(requests.map((request) => `${request.method} ${request.url.pathname}`)).toEqual([
      'POST /v1/storyboards',
      'POST /v1/storyboards/estimate',
    ]);
    expect(JSON.parse(String(requests[0]?.body))).toEqual(body);
    expect(requests[0]?.headers.get('content-type')).toBe('application/json');
  });

  it('retrieve, list and downloadContent use the storyboard paths', async () => {
    const { client, requests } = createTestClient([
      jsonResponse(makeStoryboard()),
      jsonResponse({
        object: 'list',
        data: [makeStoryboard()],
        has_more: false,
        first_id: 'sb_1',
        last_id: 'sb_1',
      }),
      new Response(new Uint8Array([1, 2, 3]), { headers: { 'content-type': 'video/mp4' } }),
    ]);
    expect((await client.storyboards.retrieve('sb_1')).status).toBe('queued');
    const page = await client.storyboards.list({ limit: 5 });
    expect(page.data.map((each) => each.id)).toEqual(['sb_1']);
    const content = await client.storyboards.downloadContent('sb_1', {
      headers: { range: 'bytes=0-2' },
    });
    expect(new Uint8Array(await content.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    expect(requests.map((request) => request.url.href)).toEqual([
      'http://127.0.0.1:8080/v1/storyboards/sb_1',
      'http://127.0.0.1:8080/v1/storyboards?limit=5',
      'http://127.0.0.1:8080/v1/storyboards/sb_1/content',
    ]);
    expect(requests[2]?.headers.get('range')).toBe('bytes=0-2');
  });

  it('poll asks again until the storyboard is completed', async () => {
    const { client, requests } = createTestClient([
      jsonResponse(makeStoryboard({ status: 'rendering' })),
      jsonResponse(makeStoryboard({ status: 'stitching' })),
      jsonResponse(makeStoryboard({ status: 'completed' })),
    ]);
    const seen: string[] = [];
    const done = await client.storyboards.poll('sb_1', {
      pollIntervalMs: 1,
      onProgress: (storyboard) => void seen.push(storyboard.status),
    });
    expect(done.status).toBe('completed');
    expect(seen).toEqual(['rendering', 'stitching', 'completed']);
    expect(requests).toHaveLength(3);
  });
});
