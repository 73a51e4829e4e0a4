import { describe, expect, it } from 'vitest';
import { APIUserAbortError, PollTimeoutError } from './errors.js';
import type { Video } from './types.js';
import { createTestClient, jsonResponse, makeVideo } from './test-support/fake-fetch.js';

const video = (overrides: Partial<Video>) => jsonResponse(makeVideo(overrides));

describe('createAndPoll', () => {
  it('polls until completed, reporting progress, with the default interval', async () => {
    const { client, requests, clock } = createTestClient([
      video({ status: 'queued' }),
      video({ status: 'in_progress', progress: 40 }),
      video({ status: 'completed', progress: 100, completed_at: 1_758_941_601 }),
    ]);
    const seen: string[] = [];
    const done = await client.videos.createAndPoll(
      { prompt: 'a boat' },
      { onProgress: (current) => void seen.push(`${current.status}:${current.progress}`) },
    );
    expect(done.status).toBe('completed');
    expect(seen).toEqual(['queued:0', 'in_progress:40', 'completed:100']);
    expect(requests.map((request) => `${request.method} ${request.url.pathname}`)).toEqual([
      'POST /v1/videos',
      'GET /v1/videos/video_1',
      'GET /v1/videos/video_1',
    ]);
    expect(clock.sleeps).toEqual([2000, 2000]);
  });

  it('returns a failed video rather than throwing', async () => {
    const failure = { code: 'content_policy_violation', message: 'blocked' };
    const { client } = createTestClient([
      video({ status: 'in_progress' }),
      video({ status: 'failed', error: failure }),
    ]);
    const done = await client.videos.createAndPoll({ prompt: 'a' }, { pollIntervalMs: 10 });
    expect(done.status).toBe('failed');
    expect(done.error).toEqual(failure);
  });

  it('honours openai-poll-after-ms over the interval', async () => {
    const { client, clock } = createTestClient([
      jsonResponse(makeVideo(), 200, { 'openai-poll-after-ms': '7000' }),
      jsonResponse(makeVideo({ status: 'in_progress' }), 200, { 'openai-poll-after-ms': '250' }),
      video({ status: 'in_progress' }),
      video({ status: 'completed' }),
    ]);
    await client.videos.createAndPoll({ prompt: 'a' }, { pollIntervalMs: 1000 });
    expect(clock.sleeps).toEqual([7000, 250, 1000]);
  });

  it('stops with PollTimeoutError after timeoutMs, never sleeping past it', async () => {
    const stuck = () => video({ status: 'in_progress', progress: 12 });
    const { client, requests, clock } = createTestClient([stuck(), stuck(), stuck(), stuck()]);
    const start = clock.now();
    const error = await client.videos
      .createAndPoll({ prompt: 'a' }, { pollIntervalMs: 4000, timeoutMs: 10_000 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PollTimeoutError);
    if (!(error instanceof PollTimeoutError)) return;
    expect(error.videoId).toBe('video_1');
    expect(error.video.progress).toBe(12);
    expect(error.timeoutMs).toBe(10_000);
    expect(error.message).toMatch(/still in_progress \(12%\) after 10000 ms/);
    expect(clock.sleeps).toEqual([4000, 4000, 2000]);
    expect(clock.now() - start).toBe(10_000);
    expect(requests).toHaveLength(4);
  });

  it('uses a 30-minute default timeout', async () => {
    const stuck = () => video({ status: 'queued' });
    const { client, clock } = createTestClient(Array.from({ length: 5 }, stuck));
    const error = await client.videos
      .createAndPoll({ prompt: 'a' }, { pollIntervalMs: 10 * 60_000 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PollTimeoutError);
    expect(clock.sleeps).toEqual([600_000, 600_000, 600_000]);
  });

  it('sends the caller idempotency key on the create only', async () => {
    const { client, requests } = createTestClient([
      video({ status: 'queued' }),
      video({ status: 'completed' }),
    ]);
    await client.videos.createAndPoll({ prompt: 'a' }, { idempotencyKey: 'job-42' });
    expect(requests[0]?.headers.get('idempotency-key')).toBe('job-42');
    expect(requests[1]?.headers.get('idempotency-key')).toBeNull();
  });

  it('stops when the signal aborts between polls', async () => {
    const controller = new AbortController();
    const { client, requests } = createTestClient([
      video({ status: 'queued' }),
      video({ status: 'in_progress' }),
      video({ status: 'completed' }),
    ]);
    const error = await client.videos
      .createAndPoll(
        { prompt: 'a' },
        {
          signal: controller.signal,
          onProgress: (current) => {
            if (current.status === 'in_progress') controller.abort();
          },
        },
      )
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(requests).toHaveLength(2);
  });
});

describe('poll', () => {
  it('polls an existing video, returning at once when already done', async () => {
    const { client, clock, requests } = createTestClient([video({ status: 'completed' })]);
    expect((await client.videos.poll('video_1')).status).toBe('completed');
    expect(clock.sleeps).toEqual([]);
    expect(requests[0]?.method).toBe('GET');
  });
});
