import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiKey, revokeApiKey } from '../auth/api-keys.js';
import { videosDueChannel } from '../db/videos-repository.js';
import {
  completedWithFiles,
  createFakeVideoModel,
  type FakeVideoModel,
} from '../test-support/fake-video-model.js';
import { testDatabaseKinds } from '../test-support/test-databases.js';
import { createTestGateway, type TestGateway } from '../test-support/test-gateway.js';

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

async function json(response: Response) {
  return (await response.json()) as Record<string, any>;
}

describe.each(testDatabaseKinds())('/v1/videos on %s', (kind) => {
  let gateway: TestGateway;
  let model: FakeVideoModel;

  beforeEach(async () => {
    model = createFakeVideoModel({
      statusScript: (checks) =>
        checks === 0
          ? { status: 'pending', progress: 40 }
          : completedWithFiles(gateway.storageDir, { video: 'out.mp4', thumbnail: 'out.jpg' }),
    });
    gateway = await createTestGateway(kind, [model], { maxBodyBytes: 64 * 1024 });
    await writeFile(join(gateway.storageDir, 'out.mp4'), Buffer.from('0123456789abcdefghij'));
    await writeFile(join(gateway.storageDir, 'out.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
  });
  afterEach(async () => gateway.dispose());

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    gateway.app.request(
      '/v1/videos',
      gateway.authorized({
        method: 'POST',
        body:
          body instanceof Uint8Array
            ? new Blob([new Uint8Array(body)])
            : typeof body === 'string'
              ? body
              : JSON.stringify(body),
        headers: { 'content-type': 'application/json', ...headers },
      }),
    );

  async function videoCount(): Promise<number> {
    const result = await gateway.test.database.query<{ count: number }>(
      'select count(*)::int as count from videos',
    );
    return result.rows[0]?.count ?? -1;
  }

  it('creates a queued video with the default model and the OpenAI fields', async () => {
    const response = await post({ prompt: 'a fox', seconds: '8' });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
    expect(response.headers.get('server-timing')).toMatch(/^gateway;dur=\d+(\.\d+)?$/);
    const video = await json(response);
    expect(video).toMatchObject({
      object: 'video',
      model: 'fake/fake-1',
      status: 'queued',
      progress: 0,
      prompt: 'a fox',
      seconds: '8',
      size: '1280x720',
      error: null,
      provider: 'fake',
    });
    expect(video.id).toMatch(/^video_[0-9a-f]{32}$/);
    expect(typeof video.created_at).toBe('number');
  });

  it('wakes idle workers with a NOTIFY carrying the new id', async () => {
    // Channels are per database, not per schema: other test files on the same Postgres notify
    // too, so this listens for the new video's id among whatever else arrives.
    const heard: string[] = [];
    let wake: (payload: string) => void = () => undefined;
    const woken = new Promise<string>((resolve) => (wake = resolve));
    let expected: string | null = null;
    const unlisten = await gateway.test.database.listen(videosDueChannel, (payload) => {
      heard.push(payload);
      if (payload === expected) wake(payload);
    });
    const video = await json(await post({ prompt: 'wake up' }));
    expected = video.id;
    if (heard.includes(video.id)) wake(video.id);
    expect(await woken).toBe(video.id);
    await unlisten();
    expect(heard.filter((payload) => payload === video.id)).toHaveLength(1);
  });

  it('coerces a duration the model lacks and says so in warnings', async () => {
    const video = await json(await post({ prompt: 'a fox', seconds: 5 }));
    expect(video.seconds).toBe('8');
    expect(video.warnings).toEqual([
      expect.objectContaining({ type: 'compatibility', param: 'seconds', used: '8' }),
    ]);
  });

  it.each([
    [{ prompt: 'x', model: 'nope' }, 400, 'model'],
    [{ prompt: 'x', seconds: 99 }, 400, 'seconds'],
    [{ prompt: 'x', seconds: 'ten' }, 400, 'seconds'],
    [{ prompt: 'x', size: '123' }, 400, 'size'],
    [{ prompt: 'x', size: '640x480' }, 400, 'size'],
    [{ prompt: '' }, 400, 'prompt'],
    [{ prompt: '   ' }, 400, 'prompt'],
    [{ prompt: 'p'.repeat(1001) }, 400, 'prompt'],
    [{}, 400, 'prompt'],
    [{ prompt: 'x', colour: 'red' }, 400, 'colour'],
    [
      { prompt: 'x', input_reference: { image_url: 'data:text/plain;base64,aGVsbG8=' } },
      400,
      'input_reference',
    ],
    [
      { prompt: 'x', input_reference: { image_url: 'http://169.254.169.254/' } },
      400,
      'input_reference',
    ],
  ])('rejects %j with %i naming %s and writes nothing', async (body, status, param) => {
    const response = await post(body);
    expect(response.status).toBe(status);
    const error = (await json(response)).error;
    expect(error.param).toBe(param);
    expect(error.type).toBe('invalid_request_error');
    expect(error.message.length).toBeGreaterThan(5);
    expect(response.headers.get('x-should-retry')).toBe('false');
    expect(await videoCount()).toBe(0);
  });

  it('rejects malformed JSON, a wrong content type and an oversize body', async () => {
    const malformed = await post('{"prompt": ');
    expect(malformed.status).toBe(400);
    expect((await json(malformed)).error.code).toBe('invalid_json');
    const notUtf8 = await post(
      Buffer.from('{"model":"local","prompt":"a cat \xff on a mat"}', 'latin1'),
    );
    expect(notUtf8.status).toBe(400);
    expect((await json(notUtf8)).error).toMatchObject({ code: 'invalid_encoding', param: 'body' });
    const wrongType = await post('prompt=x', { 'content-type': 'text/plain' });
    expect(wrongType.status).toBe(415);
    expect((await json(wrongType)).error.param).toBe('Content-Type');
    const huge = await post({ prompt: 'x'.repeat(70 * 1024) });
    expect(huge.status).toBe(413);
    expect((await json(huge)).error.code).toBe('request_too_large');
    expect(await videoCount()).toBe(0);
  });

  it('accepts a multipart upload and rejects a non-image file there', async () => {
    const form = new FormData();
    form.set('prompt', 'from an image');
    form.set('seconds', '4');
    form.set('input_reference', new Blob([png], { type: 'image/png' }), 'first.png');
    const response = await gateway.app.request(
      '/v1/videos',
      gateway.authorized({ method: 'POST', body: form }),
    );
    expect(response.status).toBe(200);
    const bad = new FormData();
    bad.set('prompt', 'x');
    bad.set('input_reference', new Blob(['not an image'], { type: 'image/png' }), 'fake.png');
    const rejected = await gateway.app.request(
      '/v1/videos',
      gateway.authorized({ method: 'POST', body: bad }),
    );
    expect(rejected.status).toBe(400);
    expect((await json(rejected)).error.param).toBe('input_reference');
    expect(await videoCount()).toBe(1);
  });

  it('answers 401 without a key, with an unknown key and with a revoked key', async () => {
    const none = await gateway.app.request('/v1/videos');
    expect(none.status).toBe(401);
    expect((await json(none)).error.code).toBe('invalid_api_key');
    const unknown = await gateway.app.request('/v1/videos', {
      headers: { authorization: 'Bearer vgw_sk_nope' },
    });
    expect(unknown.status).toBe(401);
    const created = await createApiKey(gateway.test.database, 'other');
    const ok = await gateway.app.request('/v1/videos', {
      headers: { authorization: `Bearer ${created.key}` },
    });
    expect(ok.status).toBe(200);
    await revokeApiKey(gateway.test.database, created.id);
    const revoked = await gateway.app.request('/v1/videos', {
      headers: { authorization: `Bearer ${created.key}` },
    });
    expect(revoked.status).toBe(401);
  });

  it("isolates projects: another project's video is a 404", async () => {
    const video = await json(await post({ prompt: 'mine' }));
    const other = await createApiKey(gateway.test.database, 'other');
    const response = await gateway.app.request(`/v1/videos/${video.id}`, {
      headers: { authorization: `Bearer ${other.key}` },
    });
    expect(response.status).toBe(404);
    expect((await json(response)).error.param).toBe('video_id');
    const list = await json(
      await gateway.app.request('/v1/videos', {
        headers: { authorization: `Bearer ${other.key}` },
      }),
    );
    expect(list.data).toEqual([]);
  });

  it('makes one video for a repeated Idempotency-Key and 409s on a different body', async () => {
    const first = await json(await post({ prompt: 'once' }, { 'idempotency-key': 'k-1' }));
    const second = await json(await post({ prompt: 'once' }, { 'idempotency-key': 'k-1' }));
    expect(second.id).toBe(first.id);
    const conflict = await post({ prompt: 'twice' }, { 'idempotency-key': 'k-1' });
    expect(conflict.status).toBe(409);
    expect((await json(conflict)).error.code).toBe('idempotency_key_reused');
    const racing = await Promise.all(
      Array.from({ length: 5 }, () => post({ prompt: 'race' }, { 'idempotency-key': 'k-2' })),
    );
    const ids = new Set(
      await Promise.all(racing.map(async (response) => (await json(response)).id)),
    );
    expect(ids.size).toBe(1);
    expect(await videoCount()).toBe(2);
  });

  it('pages through the list with after/limit/order', async () => {
    const ids: string[] = [];
    for (let index = 0; index < 5; index += 1)
      ids.push((await json(await post({ prompt: `v${index}` }))).id);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page += 1) {
      const query: string = `/v1/videos?limit=2&order=asc${after != null ? `&after=${after}` : ''}`;
      const body = await json(await gateway.app.request(query, gateway.authorized()));
      seen.push(...body.data.map((video: { id: string }) => video.id));
      expect(body.first_id).toBe(body.data[0]?.id ?? null);
      if (!body.has_more) break;
      after = body.last_id;
    }
    expect(seen).toEqual(ids);
    const desc = await json(
      await gateway.app.request('/v1/videos?limit=100', gateway.authorized()),
    );
    expect(desc.data.map((video: { id: string }) => video.id)).toEqual([...ids].reverse());
    const bad = await gateway.app.request('/v1/videos?limit=0', gateway.authorized());
    expect((await json(bad)).error.param).toBe('limit');
  });

  it('runs a video to completion, serves its content with Range, and deletes its files', async () => {
    const video = await json(await post({ prompt: 'to the end' }));
    const early = await gateway.app.request(`/v1/videos/${video.id}/content`, gateway.authorized());
    expect(early.status).toBe(400);
    expect((await json(early)).error.code).toBe('video_not_ready');
    const worker = gateway.newWorker();
    await gateway.drain(worker);
    const done = await json(
      await gateway.app.request(`/v1/videos/${video.id}`, gateway.authorized()),
    );
    expect(done).toMatchObject({ status: 'completed', progress: 100 });
    expect(done.completed_at).toBeGreaterThanOrEqual(done.created_at);
    expect(model.startCalls).toHaveLength(1);

    const full = await gateway.app.request(`/v1/videos/${video.id}/content`, gateway.authorized());
    expect(full.status).toBe(200);
    expect(full.headers.get('content-type')).toBe('video/mp4');
    expect(full.headers.get('content-length')).toBe('20');
    expect(await full.text()).toBe('0123456789abcdefghij');
    const part = await gateway.app.request(
      `/v1/videos/${video.id}/content`,
      gateway.authorized({ headers: { range: 'bytes=5-9' } }),
    );
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 5-9/20');
    expect(await part.text()).toBe('56789');
    const outside = await gateway.app.request(
      `/v1/videos/${video.id}/content`,
      gateway.authorized({ headers: { range: 'bytes=50-60' } }),
    );
    expect(outside.status).toBe(416);
    expect(outside.headers.get('content-range')).toBe('bytes */20');
    expect(((await outside.json()) as { error: { param: string } }).error.param).toBe('Range');
    const thumbnail = await gateway.app.request(
      `/v1/videos/${video.id}/content?variant=thumbnail`,
      gateway.authorized(),
    );
    expect(thumbnail.headers.get('content-type')).toBe('image/jpeg');
    const missing = await gateway.app.request(
      `/v1/videos/${video.id}/content?variant=spritesheet`,
      gateway.authorized(),
    );
    expect(missing.status).toBe(404);

    const files = await gateway.test.database.query<{ sha256: string }>(
      'select sha256 from video_files',
    );
    expect(files.rowCount).toBe(2);
    const deleted = await gateway.app.request(
      `/v1/videos/${video.id}`,
      gateway.authorized({ method: 'DELETE' }),
    );
    expect(await json(deleted)).toEqual({ id: video.id, object: 'video.deleted', deleted: true });
    for (const { sha256 } of files.rows) expect(await gateway.store.size(sha256)).toBeNull();
    const gone = await gateway.app.request(`/v1/videos/${video.id}`, gateway.authorized());
    expect(gone.status).toBe(404);
    const events = await gateway.test.database.query<{ type: string }>(
      'select type from video_events where video_id = $1 order by id',
      [video.id],
    );
    expect(events.rows.map((row) => row.type)).toEqual([
      'created',
      'start_attempt',
      'started',
      'completed',
      'deleted',
    ]);
  });

  it('records the first download of the video file, and not a HEAD or a thumbnail', async () => {
    const video = await json(await post({ prompt: 'fetched once' }));
    await gateway.drain(gateway.newWorker());
    const downloadedAt = async () => {
      const { rows } = await gateway.test.database.query<{ at: Date | null }>(
        'select first_downloaded_at as at from videos where id = $1',
        [video.id],
      );
      return rows[0]?.at ?? null;
    };
    const content = (query = '', init: RequestInit = {}) =>
      gateway.app.request(`/v1/videos/${video.id}/content${query}`, gateway.authorized(init));
    expect((await content('', { method: 'HEAD' })).status).toBe(200);
    expect((await content('?variant=thumbnail')).status).toBe(200);
    expect(await downloadedAt()).toBeNull();
    const part = await content('', { headers: { range: 'bytes=0-3' } });
    expect(part.status).toBe(206);
    await part.arrayBuffer();
    const first = await downloadedAt();
    expect(first).toBeInstanceOf(Date);
    await (await content()).arrayBuffer();
    expect(await downloadedAt()).toEqual(first);
  });

  it('serves health, readiness, engines and the OpenAPI document', async () => {
    expect((await gateway.app.request('/healthz')).status).toBe(200);
    expect(await json(await gateway.app.request('/readyz'))).toEqual({ status: 'ready' });
    const engines = await json(await gateway.app.request('/v1/engines', gateway.authorized()));
    expect(engines.data).toEqual([
      expect.objectContaining({ id: 'fake/fake-1', configured: true }),
    ]);
    const document = await json(await gateway.app.request('/openapi.json'));
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toContain('/v1/videos/{id}/content');
    expect(document.components.schemas.CreateVideoRequest.properties).toHaveProperty('prompt');
  });
});
