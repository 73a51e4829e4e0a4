import { describe, expect, it } from 'vitest';
import Vgw from './index.js';
import type { ClientOptions } from './index.js';
import { VgwError } from './index.js';
import { createTestClient, jsonResponse, makeVideo } from './test-support/fake-fetch.js';

describe('Vgw client', () => {
  it('requires baseURL and apiKey with a clear message', () => {
    expect(() => new Vgw({ apiKey: 'k' } as ClientOptions)).toThrow(VgwError);
    expect(() => new Vgw({ apiKey: 'k' } as ClientOptions)).toThrow(/"baseURL" option is required/);
    expect(() => new Vgw({ baseURL: 'http://x/v1' } as ClientOptions)).toThrow(
      /"apiKey" option is required/,
    );
    expect(() => new Vgw({ baseURL: '', apiKey: 'k' })).toThrow(/baseURL/);
    expect(() => new Vgw({ baseURL: 'not a url', apiKey: 'k' })).toThrow(/not an absolute URL/);
    expect(() => new Vgw({ baseURL: 'http://x/v1', apiKey: 'k', maxRetries: -1 })).toThrow(
      /maxRetries/,
    );
  });

  it('has openai-like defaults', () => {
    const client = new Vgw({ baseURL: 'http://127.0.0.1:8080/v1', apiKey: 'k' });
    expect(client.maxRetries).toBe(2);
    expect(client.timeoutMs).toBe(60_000);
    expect(client.videos).toBeDefined();
    expect(client.engines).toBeDefined();
  });

  it('joins a base URL with a trailing slash without doubling it', async () => {
    const { client, requests } = createTestClient([jsonResponse(makeVideo())], {
      baseURL: 'http://gateway.test:9000/v1/',
    });
    await client.videos.retrieve('video_1');
    expect(requests[0]?.url.href).toBe('http://gateway.test:9000/v1/videos/video_1');
  });

  it('sends default headers, and per-request headers override them', async () => {
    const { client, requests } = createTestClient(
      [jsonResponse(makeVideo()), jsonResponse(makeVideo())],
      { defaultHeaders: { 'x-project': 'alpha', 'x-trace': 'one' } },
    );
    await client.videos.retrieve('video_1');
    await client.videos.retrieve('video_1', { headers: { 'x-trace': 'two' } });
    expect(requests[0]?.headers.get('x-project')).toBe('alpha');
    expect(requests[0]?.headers.get('x-trace')).toBe('one');
    expect(requests[1]?.headers.get('x-trace')).toBe('two');
  });

  it('throws a VgwError naming the endpoint when a 2xx body is not JSON', async () => {
    const { client } = createTestClient([new Response('<html>proxy</html>')]);
    await expect(client.videos.retrieve('video_1')).rejects.toThrow(
      /Expected JSON from GET \/videos\/video_1/,
    );
  });

  it('aborts before sending when the signal is already aborted', async () => {
    const { client, requests } = createTestClient([jsonResponse(makeVideo())]);
    const controller = new AbortController();
    controller.abort();
    await expect(
      client.videos.retrieve('video_1', { signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'APIUserAbortError' });
    expect(requests).toHaveLength(0);
  });
});
