import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  BadRequestError,
  InternalServerError,
  RateLimitError,
} from './errors.js';
import { backoffDelayMs, retryDelayMs } from './retry.js';
import type { RecordedRequest } from './test-support/fake-fetch.js';
import {
  createFakeClock,
  createTestClient,
  errorResponse,
  jsonResponse,
  makeVideo,
} from './test-support/fake-fetch.js';

const failure = (status: number, headers: Record<string, string> = {}) =>
  errorResponse(status, { message: `status ${status}` }, headers);

/** Never answers; rejects when the SDK's timeout aborts the request. */
const hang = (request: RecordedRequest) =>
  new Promise<Response>((_resolve, reject) => {
    request.signal?.addEventListener('abort', () =>
      reject(new DOMException('aborted', 'AbortError')),
    );
  });

describe('retry rules', () => {
  it('waits retry-after-ms', async () => {
    const { client, requests, clock } = createTestClient([
      failure(429, { 'retry-after-ms': '1500', 'retry-after': '30' }),
      jsonResponse(makeVideo()),
    ]);
    await client.videos.retrieve('video_1');
    expect(requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([1500]);
  });

  it('waits retry-after in seconds', async () => {
    const { client, clock } = createTestClient([
      failure(503, { 'retry-after': '3' }),
      jsonResponse(makeVideo()),
    ]);
    await client.videos.retrieve('video_1');
    expect(clock.sleeps).toEqual([3000]);
  });

  it('waits until a retry-after HTTP date', async () => {
    const clock = createFakeClock();
    const { client } = createTestClient(
      [
        failure(503, { 'retry-after': new Date(clock.now() + 10_000).toUTCString() }),
        jsonResponse(makeVideo()),
      ],
      { now: clock.now, sleep: clock.sleep },
    );
    await client.videos.retrieve('video_1');
    expect(clock.sleeps).toEqual([10_000]);
  });

  it('ignores a server delay over 60 s and backs off exponentially, capped at 8 s', async () => {
    const { client, clock } = createTestClient(
      [
        failure(500, { 'retry-after': '120' }),
        failure(500),
        failure(500),
        failure(500),
        failure(500),
        failure(500),
        jsonResponse(makeVideo()),
      ],
      { maxRetries: 6 },
    );
    await client.videos.retrieve('video_1');
    expect(clock.sleeps).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
  });

  it('gives up after maxRetries with the last error', async () => {
    const { client, requests } = createTestClient([failure(500), failure(502), failure(503)]);
    const error = await client.videos.retrieve('video_1').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).status).toBe(503);
    expect(requests).toHaveLength(3);
  });

  it('retries 408 and 409', async () => {
    const { client, requests } = createTestClient([
      failure(408),
      failure(409),
      jsonResponse(makeVideo()),
    ]);
    await client.videos.retrieve('video_1');
    expect(requests).toHaveLength(3);
  });

  it('x-should-retry: false stops a retryable status', async () => {
    const { client, requests } = createTestClient([failure(429, { 'x-should-retry': 'false' })]);
    await expect(client.videos.retrieve('video_1')).rejects.toBeInstanceOf(RateLimitError);
    expect(requests).toHaveLength(1);
  });

  it('x-should-retry: true retries a non-retryable status', async () => {
    const { client, requests } = createTestClient([
      failure(400, { 'x-should-retry': 'true' }),
      jsonResponse(makeVideo()),
    ]);
    await client.videos.retrieve('video_1');
    expect(requests).toHaveLength(2);
  });

  it('does not retry 400', async () => {
    const { client, requests, clock } = createTestClient([failure(400), jsonResponse(makeVideo())]);
    await expect(client.videos.create({ prompt: 'a' })).rejects.toBeInstanceOf(BadRequestError);
    expect(requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('retries a connection error', async () => {
    const { client, requests, clock } = createTestClient([
      new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:8080') }),
      jsonResponse(makeVideo()),
    ]);
    await client.videos.retrieve('video_1');
    expect(requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([500]);
  });

  it('reports the cause when connection errors exhaust the retries', async () => {
    const refused = () =>
      new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:8080') });
    const { client } = createTestClient([refused(), refused(), refused()]);
    const error = await client.videos.retrieve('video_1').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
  });

  it('times out a request that gets no headers, and retries it', async () => {
    const { client, requests } = createTestClient([hang, jsonResponse(makeVideo())], {
      timeoutMs: 1,
    });
    await client.videos.retrieve('video_1');
    expect(requests).toHaveLength(2);
    const { client: single } = createTestClient([hang], { timeoutMs: 1, maxRetries: 0 });
    await expect(single.videos.retrieve('video_1')).rejects.toBeInstanceOf(
      APIConnectionTimeoutError,
    );
  });

  it('reuses the same Idempotency-Key across retries of a create', async () => {
    const { client, requests } = createTestClient([
      failure(500),
      new TypeError('fetch failed'),
      jsonResponse(makeVideo()),
    ]);
    await client.videos.create({ prompt: 'a' });
    const keys = requests.map((request) => request.headers.get('idempotency-key'));
    expect(keys).toHaveLength(3);
    expect(keys[0]).not.toBeNull();
    expect(new Set(keys).size).toBe(1);
    // The multipart/JSON body is re-sent whole on each attempt.
    expect(requests.map((request) => request.body)).toEqual(Array(3).fill('{"prompt":"a"}'));
  });

  it('per-request maxRetries overrides the client default', async () => {
    const { client, requests } = createTestClient([failure(500), jsonResponse(makeVideo())]);
    await expect(client.videos.retrieve('video_1', { maxRetries: 0 })).rejects.toBeInstanceOf(
      InternalServerError,
    );
    expect(requests).toHaveLength(1);
  });
});

describe('retry delays', () => {
  const never = () => 0;
  const now = Date.UTC(2026, 0, 1);

  it('applies up to 25 % jitter', () => {
    expect(backoffDelayMs(0, () => 0)).toBe(500);
    expect(backoffDelayMs(1, () => 0.5)).toBe(875);
    expect(backoffDelayMs(10, () => 1)).toBe(6000);
  });

  it('uses a server delay only when it is within (0, 60 s]', () => {
    const delay = (headers: Record<string, string>) =>
      retryDelayMs({ headers: new Headers(headers), retryIndex: 1, nowMs: now, random: never });
    expect(delay({ 'retry-after-ms': '250' })).toBe(250);
    expect(delay({ 'retry-after-ms': '0' })).toBe(1000);
    expect(delay({ 'retry-after': '60' })).toBe(60_000);
    expect(delay({ 'retry-after': '61' })).toBe(1000);
    expect(delay({ 'retry-after': '-1' })).toBe(1000);
    expect(delay({ 'retry-after': new Date(now - 5000).toUTCString() })).toBe(1000);
    expect(delay({ 'retry-after': 'soon' })).toBe(1000);
    expect(retryDelayMs({ retryIndex: 0, nowMs: now, random: never })).toBe(500);
  });
});
