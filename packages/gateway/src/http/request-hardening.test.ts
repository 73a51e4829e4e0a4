import { readdir } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiKey } from '../auth/api-keys.js';
import { createFakeVideoModel } from '../test-support/fake-video-model.js';
import { testDatabaseKinds } from '../test-support/test-databases.js';
import { createTestGateway, type TestGateway } from '../test-support/test-gateway.js';

type Body = Record<string, any>;

async function json(response: Response): Promise<Body> {
  return (await response.json()) as Body;
}

function deeplyNested(levels: number, open: string, close: string, inner = '1'): string {
  return open.repeat(levels) + inner + close.repeat(levels);
}

describe.each(testDatabaseKinds())('hostile request input on %s', (kind) => {
  let gateway: TestGateway;
  let otherKey: string;

  beforeEach(async () => {
    gateway = await createTestGateway(kind, [createFakeVideoModel()], {
      maxBodyBytes: 1024 * 1024,
    });
    otherKey = (await createApiKey(gateway.test.database, 'other-tenant')).key;
  });
  afterEach(async () => gateway.dispose());

  const send = (path: string, init: RequestInit = {}, key = gateway.apiKey) =>
    gateway.app.request(path, {
      ...init,
      headers: { authorization: `Bearer ${key}`, ...(init.headers as Record<string, string>) },
    });
  const postJsonText = (text: string, key?: string) =>
    send(
      '/v1/videos',
      { method: 'POST', body: text, headers: { 'content-type': 'application/json' } },
      key,
    );
  const postForm = (fields: [string, string][]) => {
    const form = new FormData();
    for (const [name, value] of fields) form.append(name, value);
    return send('/v1/videos', { method: 'POST', body: form });
  };
  const postUrlEncoded = (fields: [string, string][]) =>
    send('/v1/videos', {
      method: 'POST',
      body: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });

  async function expectRefused(response: Response, status: number, param: string | RegExp) {
    const body = await json(response);
    expect(response.status, JSON.stringify(body)).toBe(status);
    expect(body.error.message).toEqual(expect.any(String));
    expect(body.error.type).toBe('invalid_request_error');
    if (typeof param === 'string') expect(body.error.param).toBe(param);
    else expect(body.error.param).toMatch(param);
    return body;
  }

  async function videoCount(): Promise<number> {
    const result = await gateway.test.database.query<{ count: number }>(
      'select count(*)::int as count from videos',
    );
    return result.rows[0]?.count ?? -1;
  }

  it('refuses prototype keys in form field names, and the next tenant is untouched', async () => {
    await expectRefused(
      await postForm([
        ['prompt', 'x'],
        ['__proto__[seconds]', '20'],
        ['__proto__[size]', '1920x1080'],
      ]),
      400,
      '__proto__[seconds]',
    );
    await expectRefused(
      await postForm([
        ['prompt', 'x'],
        ['__proto__[model]', 'nope'],
      ]),
      400,
      '__proto__[model]',
    );
    await expectRefused(
      await postForm([
        ['prompt', 'x'],
        ['constructor[prototype]', '1'],
      ]),
      400,
      'constructor[prototype]',
    );
    expect(({} as Body).seconds).toBeUndefined();
    expect(({} as Body).model).toBeUndefined();
    const other = await postJsonText(JSON.stringify({ prompt: 'plain' }), otherKey);
    const video = await json(other);
    expect(other.status, JSON.stringify(video)).toBe(200);
    expect(video.model).toBe('fake/fake-1');
    expect(video.seconds).toBe('4');
    expect(video.size).toBe('1280x720');
  });

  it('refuses prototype keys inside provider_options from JSON and forms', async () => {
    await expectRefused(
      await postJsonText('{"prompt":"x","provider_options":{"fake":{"__proto__":{"seconds":20}}}}'),
      400,
      'provider_options.fake',
    );
    await expectRefused(
      await postJsonText('{"prompt":"x","provider_options":{"__proto__":{"a":1}}}'),
      400,
      'provider_options',
    );
    await expectRefused(
      await postForm([
        ['prompt', 'x'],
        ['provider_options', '{"constructor":{"prototype":{"x":1}}}'],
      ]),
      400,
      'provider_options',
    );
    await expectRefused(
      await postJsonText('{"prompt":"x","__proto__":{"seconds":20}}'),
      400,
      '__proto__',
    );
    expect(await videoCount()).toBe(0);
  });

  it('refuses NUL in the prompt of JSON, multipart and urlencoded bodies', async () => {
    await expectRefused(await postJsonText('{"prompt":"a\\u0000b"}'), 400, 'prompt');
    await expectRefused(await postForm([['prompt', 'a\u0000b']]), 400, 'prompt');
    await expectRefused(await postUrlEncoded([['prompt', 'a\u0000b']]), 400, 'prompt');
    expect(await videoCount()).toBe(0);
  });

  it('refuses NUL and lone surrogates in provider_options keys and values', async () => {
    const cases = [
      ['{"fake":{"k\\u0000":1}}', 'provider_options.fake'],
      ['{"fake":{"k":"v\\u0000"}}', 'provider_options.fake.k'],
      ['{"fake":{"\\ud800":1}}', 'provider_options.fake'],
      ['{"fake":{"k":"\\udc00x"}}', 'provider_options.fake.k'],
      ['{"fake":{"k":["ok","\\ud800"]}}', 'provider_options.fake.k[1]'],
    ] as const;
    for (const [options, param] of cases) {
      await expectRefused(
        await postJsonText(`{"prompt":"x","provider_options":${options}}`),
        400,
        param,
      );
    }
    expect(await videoCount()).toBe(0);
  });

  it('refuses deeply nested provider_options in JSON and multipart bodies', async () => {
    for (const levels of [5_000, 100_000]) {
      const objects = deeplyNested(levels, '{"a":', '}');
      const arrays = deeplyNested(levels, '[', ']');
      await expectRefused(
        await postJsonText(`{"prompt":"x","provider_options":{"fake":{"k":${arrays}}}}`),
        400,
        'provider_options',
      );
      await expectRefused(
        await postForm([
          ['prompt', 'x'],
          ['provider_options', `{"fake":${objects}}`],
        ]),
        400,
        'provider_options',
      );
    }
    await expectRefused(
      await postJsonText(`{"prompt":${deeplyNested(5_000, '[', ']')}}`),
      400,
      'prompt',
    );
  });

  it('caps the size of provider_options', async () => {
    const big = JSON.stringify({
      prompt: 'x',
      provider_options: { fake: { k: 'v'.repeat(20_000) } },
    });
    const body = await expectRefused(await postJsonText(big), 400, 'provider_options');
    expect(body.error.message).toMatch(/16384/);
  });

  it('answers 404 for path ids that cannot exist, before any query', async () => {
    const id = 'a%00b';
    for (const [method, path] of [
      ['GET', `/v1/videos/${id}`],
      ['DELETE', `/v1/videos/${id}`],
      ['GET', `/v1/videos/${id}/content`],
      ['HEAD', `/v1/videos/${id}/content`],
      ['GET', `/v1/videos/${id}/scores`],
      ['POST', `/v1/videos/${id}/remix`],
    ] as const) {
      const response = await send(path, {
        method,
        ...(method === 'POST'
          ? { body: '{"prompt":"y"}', headers: { 'content-type': 'application/json' } }
          : {}),
      });
      expect(response.status, `${method} ${path}`).toBe(404);
      if (method !== 'HEAD') expect((await json(response)).error.param).toBe('video_id');
    }
  });

  it('refuses a list limit that is not a plain integer and a cursor that names nothing', async () => {
    for (const limit of ['0x10', '1e1', ' 5', '5.0', '0', '101']) {
      await expectRefused(
        await send(`/v1/videos?limit=${encodeURIComponent(limit)}`),
        400,
        'limit',
      );
    }
    await expectRefused(await send('/v1/videos?after=a%00b'), 400, 'after');
    await expectRefused(await send('/v1/videos?after=video_nothing_here'), 400, 'after');
    const created = await json(await postJsonText('{"prompt":"x"}'));
    const page = await send(`/v1/videos?after=${created.id}&limit=16`);
    expect(page.status).toBe(200);
    expect((await json(page)).data).toEqual([]);
    const foreign = await send(`/v1/videos?after=${created.id}`, {}, otherKey);
    await expectRefused(foreign, 400, 'after');
  });

  it('refuses garbage behind an image signature, storing nothing', async () => {
    const garbage = new Uint8Array(4096).map((_, index) => (index * 7919) % 251);
    garbage.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const form = new FormData();
    form.append('prompt', 'x');
    form.append('input_reference', new Blob([garbage], { type: 'image/png' }), 'x.png');
    const response = await send('/v1/videos', { method: 'POST', body: form });
    await expectRefused(response, 400, 'input_reference');
    expect(await videoCount()).toBe(0);
    expect(await readdir(gateway.storageDir)).toEqual([]);
  });

  it('answers 409 when an Idempotency-Key is replayed after its video was deleted', async () => {
    const post = () =>
      send('/v1/videos', {
        method: 'POST',
        body: '{"prompt":"once"}',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'key-1' },
      });
    const first = await json(await post());
    expect((await send(`/v1/videos/${first.id}`, { method: 'DELETE' })).status).toBe(200);
    const replay = await post();
    const body = await json(replay);
    expect(replay.status).toBe(409);
    expect(body.error.param).toBe('Idempotency-Key');
    expect(body.error.message).toContain(first.id);
    expect(await videoCount()).toBe(1);
  });
});
