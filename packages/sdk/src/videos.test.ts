import { describe, expect, it } from 'vitest';
import { createTestClient, jsonResponse, makeVideo } from './test-support/fake-fetch.js';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('videos request shapes', () => {
  it('create sends JSON with auth, content type and a generated idempotency key', async () => {
    const { client, requests } = createTestClient([jsonResponse(makeVideo())]);
    const video = await client.videos.create({
      prompt: 'a boat',
      model: 'sora-2',
      seconds: 8,
      size: '1280x720',
      seed: 7,
      input_reference: { image_url: 'data:image/png;base64,AAAA' },
      provider_options: { openai: { quality: 'high' } },
    });
    expect(video.id).toBe('video_1');
    const [request] = requests;
    expect(request?.method).toBe('POST');
    expect(request?.url.href).toBe('http://127.0.0.1:8080/v1/videos');
    expect(request?.headers.get('authorization')).toBe('Bearer test-key');
    expect(request?.headers.get('content-type')).toBe('application/json');
    expect(request?.headers.get('accept')).toBe('application/json');
    expect(request?.headers.get('idempotency-key')).toMatch(UUID_PATTERN);
    expect(JSON.parse(String(request?.body))).toEqual({
      prompt: 'a boat',
      model: 'sora-2',
      seconds: 8,
      size: '1280x720',
      seed: 7,
      input_reference: { image_url: 'data:image/png;base64,AAAA' },
      provider_options: { openai: { quality: 'high' } },
    });
  });

  it('estimate POSTs the create body to /videos/estimate and returns the estimate', async () => {
    const estimate = {
      object: 'video.estimate',
      model: 'local',
      provider: 'local',
      seconds: '4',
      size: '1280x720',
      cost: { estimate_usd: '0.000000', usd_per_second: '0.000000', basis: 'list_price' },
      warnings: [],
    };
    const { client, requests } = createTestClient([jsonResponse(estimate)]);
    expect(await client.videos.estimate({ prompt: 'a boat', seconds: 4 })).toEqual(estimate);
    expect(requests[0]?.method).toBe('POST');
    expect(requests[0]?.url.href).toBe('http://127.0.0.1:8080/v1/videos/estimate');
    expect(JSON.parse(String(requests[0]?.body))).toEqual({ prompt: 'a boat', seconds: 4 });
  });

  it('create uses a fresh key per call, or the caller-supplied one', async () => {
    const { client, requests } = createTestClient([
      jsonResponse(makeVideo()),
      jsonResponse(makeVideo()),
      jsonResponse(makeVideo()),
    ]);
    await client.videos.create({ prompt: 'a' });
    await client.videos.create({ prompt: 'a' });
    await client.videos.create({ prompt: 'a' }, { idempotencyKey: 'my-key' });
    const keys = requests.map((request) => request.headers.get('idempotency-key'));
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys[2]).toBe('my-key');
  });

  it('create uploads a Blob input_reference as multipart with string fields', async () => {
    const { client, requests } = createTestClient([jsonResponse(makeVideo())]);
    const image = new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' });
    await client.videos.create({
      prompt: 'a boat',
      seconds: 4,
      fps: 24,
      input_reference: image,
      provider_options: { runway: { watermark: false } },
    });
    const [request] = requests;
    // fetch must set the multipart boundary itself.
    expect(request?.headers.get('content-type')).toBeNull();
    expect(request?.headers.get('idempotency-key')).toMatch(UUID_PATTERN);
    const form = request?.body;
    expect(form).toBeInstanceOf(FormData);
    if (!(form instanceof FormData)) return;
    expect(form.get('prompt')).toBe('a boat');
    expect(form.get('seconds')).toBe('4');
    expect(form.get('fps')).toBe('24');
    expect(form.get('provider_options')).toBe('{"runway":{"watermark":false}}');
    const file = form.get('input_reference');
    expect(file).toBeInstanceOf(Blob);
    if (!(file instanceof File)) throw new Error('input_reference is not a file part');
    expect(file.name).toBe('input_reference.png');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(new Uint8Array([137, 80, 78, 71]));
  });

  it('keeps the name of a File input_reference', async () => {
    const { client, requests } = createTestClient([jsonResponse(makeVideo())]);
    const image = new File([new Uint8Array([1])], 'frame.jpg', { type: 'image/jpeg' });
    await client.videos.create({ prompt: 'a', input_reference: image });
    const form = requests[0]?.body;
    if (!(form instanceof FormData)) throw new Error('expected multipart');
    expect((form.get('input_reference') as File).name).toBe('frame.jpg');
  });

  it('retrieve, delete and remix hit the right paths', async () => {
    const deleted = { id: 'video/1', object: 'video.deleted', deleted: true };
    const { client, requests } = createTestClient([
      jsonResponse(makeVideo({ id: 'video/1' })),
      jsonResponse(deleted),
      jsonResponse(makeVideo({ id: 'video_2', remixed_from_video_id: 'video/1' })),
    ]);
    expect((await client.videos.retrieve('video/1')).id).toBe('video/1');
    expect(await client.videos.delete('video/1')).toEqual(deleted);
    const remix = await client.videos.remix('video/1', { prompt: 'at night' });
    expect(remix.remixed_from_video_id).toBe('video/1');
    expect(requests.map((request) => `${request.method} ${request.url.pathname}`)).toEqual([
      'GET /v1/videos/video%2F1',
      'DELETE /v1/videos/video%2F1',
      'POST /v1/videos/video%2F1/remix',
    ]);
    expect(requests[0]?.headers.get('idempotency-key')).toBeNull();
    expect(requests[1]?.headers.get('idempotency-key')).toBeNull();
    expect(requests[2]?.headers.get('idempotency-key')).toMatch(UUID_PATTERN);
    expect(JSON.parse(String(requests[2]?.body))).toEqual({ prompt: 'at night' });
  });

  it('list sends the cursor query', async () => {
    const page = { object: 'list', data: [], has_more: false, first_id: null, last_id: null };
    const { client, requests } = createTestClient([jsonResponse(page)]);
    await client.videos.list({ after: 'video_9', limit: 5, order: 'asc' });
    expect(requests[0]?.url.search).toBe('?after=video_9&limit=5&order=asc');
  });

  it('downloadContent returns the raw response with its bytes', async () => {
    const bytes = new Uint8Array([0, 0, 0, 24, 102, 116, 121, 112]);
    const { client, requests } = createTestClient([
      new Response(bytes, { status: 206, headers: { 'content-type': 'video/mp4' } }),
    ]);
    const response = await client.videos.downloadContent(
      'video_1',
      { variant: 'thumbnail' },
      { headers: { range: 'bytes=0-7' } },
    );
    expect(response.status).toBe(206);
    expect(response.headers.get('content-type')).toBe('video/mp4');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
    const [request] = requests;
    expect(request?.url.pathname).toBe('/v1/videos/video_1/content');
    expect(request?.url.searchParams.get('variant')).toBe('thumbnail');
    expect(request?.headers.get('range')).toBe('bytes=0-7');
    expect(request?.headers.get('authorization')).toBe('Bearer test-key');
  });

  it('downloadContent omits variant when not given', async () => {
    const { client, requests } = createTestClient([new Response('x')]);
    await client.videos.downloadContent('video_1');
    expect(requests[0]?.url.search).toBe('');
  });

  it('engines.list passes the objects through', async () => {
    const engines = { object: 'list', data: [{ id: 'openai/sora-2', durations: [4, 8, 12] }] };
    const { client, requests } = createTestClient([jsonResponse(engines)]);
    expect(await client.engines.list()).toEqual(engines);
    expect(requests[0]?.url.href).toBe('http://127.0.0.1:8080/v1/engines');
  });
});
