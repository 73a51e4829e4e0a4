import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  InvalidRequestError,
  PolicyViolationError,
  ProviderApiError,
  type JSONValue,
} from '@vgw/spec';
import { jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialVariables, type ProviderSettings } from '../provider-definition.js';
import { jsonResponse, scriptedFetch } from '../../test-support/recording-fetch.js';
import created from './__fixtures__/create.json' with { type: 'json' };
import createModerated from './__fixtures__/create-moderated.json' with { type: 'json' };
import failed from './__fixtures__/failed.json' with { type: 'json' };
import moderated from './__fixtures__/moderated.json' with { type: 'json' };
import pending from './__fixtures__/pending.json' with { type: 'json' };
import running from './__fixtures__/running.json' with { type: 'json' };
import succeededNoUrl from './__fixtures__/succeeded-no-url.json' with { type: 'json' };
import succeeded from './__fixtures__/succeeded.json' with { type: 'json' };
import unauthorized from './__fixtures__/401.json' with { type: 'json' };
import rateLimited from './__fixtures__/429.json' with { type: 'json' };
import outOfBalance from './__fixtures__/429-balance.json' with { type: 'json' };
import serverError from './__fixtures__/500.json' with { type: 'json' };
import { klingProvider } from './kling-provider.js';
import { providerTestSettings } from '../../test-support/provider-test-settings.js';
import { callOptionsFrom } from '../../test-support/video-call-options.js';

const now = 1_767_000_000_000;
const accessKey = 'ak-test';
const secretKey = 'sk-test';

const json = jsonResponse;
const fakeFetch = (...responses: Response[]) => scriptedFetch(responses);

function model(
  fetch: ProviderSettings['fetch'],
  modelId = 'kling-v2-5-turbo',
  overrides: Partial<ProviderSettings> = {},
) {
  return klingProvider.createModel(
    modelId,
    providerTestSettings({
      apiKey: accessKey,
      secret: secretKey,
      fetch,
      now: () => now,
      ...overrides,
    }),
  );
}

const callOptions = callOptionsFrom({ prompt: 'a red fox in snow' });

const operation: JSONValue = {
  taskId: 'task-abc-123',
  endpoint: 'text2video',
  modelId: 'kling-v2-5-turbo',
  externalTaskId: 'start-key-1',
  startedAt: now,
};

let workDir: string;
let imagePath: string;
const imageBytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'kling-test-'));
  imagePath = join(workDir, 'first.png');
  await writeFile(imagePath, imageBytes);
});
afterAll(() => rm(workDir, { recursive: true, force: true }));

describe('kling doStart', () => {
  it('posts text2video with a signed JWT and documented field formats', async () => {
    const { calls, fetch } = fakeFetch(json(created));
    const started = await model(fetch).doStart(callOptions());
    const call = calls[0]!;
    expect(call.url).toBe('https://api-singapore.klingai.com/v1/videos/text2video');
    expect(call.method).toBe('POST');
    expect(call.headers['content-type']).toBe('application/json');
    const token = call.headers.authorization!.replace(/^Bearer /, '');
    const verified = await jwtVerify(token, new TextEncoder().encode(secretKey), {
      currentDate: new Date(now),
    });
    expect(verified.protectedHeader).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(verified.payload).toEqual({
      iss: accessKey,
      exp: now / 1000 + 1800,
      nbf: now / 1000 - 5,
    });
    expect(call.body).toEqual({
      model_name: 'kling-v2-5-turbo',
      prompt: 'a red fox in snow',
      duration: '5',
      mode: 'std',
      aspect_ratio: '16:9',
      external_task_id: 'start-key-1',
    });
    expect(started.operation).toEqual({ ...(operation as object), externalTaskId: 'start-key-1' });
    expect(started.providerMetadata).toEqual({
      kling: { taskId: 'task-abc-123', requestId: 'req-001' },
    });
  });

  it('posts image2video with raw base64 (no data: prefix) and pro for a 1080p size', async () => {
    const { calls, fetch } = fakeFetch(json(created));
    const started = await model(fetch).doStart(
      callOptions({
        width: 1080,
        height: 1920,
        seconds: 10,
        inputReference: { path: imagePath, mediaType: 'image/png' },
        providerOptions: {
          negative_prompt: 'blur',
          camera_control: { type: 'simple', config: { zoom: 5 } },
        },
      }),
    );
    expect(calls[0]!.url).toBe('https://api-singapore.klingai.com/v1/videos/image2video');
    expect(calls[0]!.body).toEqual({
      model_name: 'kling-v2-5-turbo',
      prompt: 'a red fox in snow',
      duration: '10',
      mode: 'pro',
      image: imageBytes.toString('base64'),
      negative_prompt: 'blur',
      camera_control: { type: 'simple', config: { zoom: 5 } },
      external_task_id: 'start-key-1',
    });
    expect((started.operation as { endpoint: string }).endpoint).toBe('image2video');
  });

  it('sends sound for v2.6, no mode for master, and a plain key when no secret is set', async () => {
    const { calls, fetch } = fakeFetch(json(created), json(created));
    await model(fetch, 'kling-v2-6').doStart(
      callOptions({ width: 1080, height: 1080, providerOptions: { sound: 'off' } }),
    );
    expect(calls[0]!.body).toMatchObject({ mode: 'pro', sound: 'off', aspect_ratio: '1:1' });
    await model(fetch, 'kling-v2-1-master', {
      secret: null,
      baseURL: 'http://proxy.test/',
    }).doStart(callOptions({ width: 1920, height: 1080 }));
    expect(calls[1]!.url).toBe('http://proxy.test/v1/videos/text2video');
    expect(calls[1]!.headers.authorization).toBe(`Bearer ${accessKey}`);
    expect(calls[1]!.body).not.toHaveProperty('mode');
  });

  it('maps a synchronous content-security refusal to content_policy_violation on the prompt', async () => {
    const { fetch } = fakeFetch(json(createModerated, 400), json(createModerated, 400));
    const error = await model(fetch)
      .doStart(callOptions())
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PolicyViolationError);
    expect(error).toMatchObject({ code: 'content_policy_violation', param: 'prompt' });
    const withImage = await model(fetch)
      .doStart(callOptions({ inputReference: { path: imagePath, mediaType: 'image/png' } }))
      .catch((caught: unknown) => caught);
    expect(withImage).toMatchObject({ code: 'content_policy_violation', param: null });
  });

  it('treats 429 rate limits as retryable with Retry-After and balance codes as final', async () => {
    const { fetch } = fakeFetch(
      json(rateLimited, 429, { 'retry-after': '2' }),
      json(outOfBalance, 429),
    );
    const limited = await model(fetch)
      .doStart(callOptions())
      .catch((caught: unknown) => caught);
    expect(limited).toBeInstanceOf(ProviderApiError);
    expect(limited).toMatchObject({
      retryable: true,
      retryAfterMs: 2000,
      code: 'provider_rate_limited',
    });
    const broke = await model(fetch)
      .doStart(callOptions())
      .catch((caught: unknown) => caught);
    expect(broke).toMatchObject({ retryable: false, code: 'provider_quota_exceeded' });
  });

  it('treats a non-zero code on HTTP 200 as the error it names', async () => {
    const { fetch } = fakeFetch(json(rateLimited, 200));
    const error = await model(fetch)
      .doStart(callOptions())
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ retryable: true, code: 'provider_rate_limited' });
  });

  it('treats 500 as retryable and 401 as final, naming the env vars', async () => {
    const { fetch } = fakeFetch(json(serverError, 500), json(unauthorized, 401));
    const down = await model(fetch)
      .doStart(callOptions())
      .catch((caught: unknown) => caught);
    expect(down).toMatchObject({ retryable: true, code: 'provider_unavailable' });
    const denied = await model(fetch)
      .doStart(callOptions())
      .catch((caught: unknown) => caught);
    expect(denied).toMatchObject({ retryable: false, code: 'provider_auth_failed' });
    expect((denied as Error).message).toContain('KLING_ACCESS_KEY');
    expect((denied as Error).message).toContain('KLING_SECRET_KEY');
  });

  it('refuses to call without an access key', async () => {
    const { calls, fetch } = fakeFetch();
    const error = await model(fetch, 'kling-v2-5-turbo', { apiKey: null })
      .doStart(callOptions())
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ retryable: false, code: 'provider_auth_failed' });
    expect((error as Error).message).toContain('KLING_ACCESS_KEY');
    expect(calls).toHaveLength(0);
  });

  it('validates provider_options.kling', async () => {
    const { fetch } = fakeFetch();
    const unknown = await model(fetch)
      .doStart(callOptions({ providerOptions: { cfg_scale: 0.5 } }))
      .catch((caught: unknown) => caught);
    expect(unknown).toBeInstanceOf(InvalidRequestError);
    expect(unknown).toMatchObject({ param: 'provider_options.kling.cfg_scale' });
    const sound = await model(fetch)
      .doStart(callOptions({ providerOptions: { sound: 'on' } }))
      .catch((caught: unknown) => caught);
    expect(sound).toMatchObject({ param: 'provider_options.kling.sound' });
    const badType = await model(fetch)
      .doStart(callOptions({ providerOptions: { camera_control: { type: 'orbit' } } }))
      .catch((caught: unknown) => caught);
    expect(badType).toMatchObject({ param: 'provider_options.kling.camera_control.type' });
  });
});

describe('kling doStatus', () => {
  it('polls the same family path and maps submitted and processing to pending', async () => {
    const { calls, fetch } = fakeFetch(json(pending), json(running));
    expect(await model(fetch).doStatus({ operation })).toEqual({ status: 'pending' });
    expect(await model(fetch).doStatus({ operation })).toEqual({ status: 'pending' });
    expect(calls[0]!.url).toBe(
      'https://api-singapore.klingai.com/v1/videos/text2video/task-abc-123',
    );
    expect(calls[0]!.method).toBe('GET');
    expect(calls[0]!.headers.authorization).toMatch(/^Bearer ey/);
  });

  it('maps succeed to the video URL with metadata', async () => {
    const { fetch } = fakeFetch(json(succeeded));
    expect(await model(fetch).doStatus({ operation })).toEqual({
      status: 'completed',
      videos: [
        {
          variant: 'video',
          kind: 'url',
          url: 'https://p1.a.kwimgs.com/output/video-001.mp4',
          mediaType: 'video/mp4',
        },
      ],
      providerMetadata: {
        kling: { taskId: 'task-abc-123', finalUnitDeduction: '2.5', duration: '5.0' },
      },
    });
  });

  it('maps failures, output moderation and a success without a URL', async () => {
    const { fetch } = fakeFetch(json(failed), json(moderated), json(succeededNoUrl));
    expect(await model(fetch).doStatus({ operation })).toEqual({
      status: 'failed',
      error: {
        code: 'render_failed',
        message: 'kling: Video generation failed, please try again later',
        retryable: false,
      },
    });
    expect(await model(fetch).doStatus({ operation })).toMatchObject({
      status: 'failed',
      error: { code: 'content_policy_violation', param: 'output', retryable: false },
    });
    expect(await model(fetch).doStatus({ operation })).toMatchObject({
      status: 'failed',
      error: { code: 'no_output', retryable: false },
    });
  });

  it('throws retryable errors for 429, 500 and malformed JSON, and a final one for 401', async () => {
    const { fetch } = fakeFetch(
      json(rateLimited, 429, { 'retry-after': '3' }),
      json(serverError, 503),
      new Response('<html>oops', { status: 200 }),
      json({ code: 0, message: 'success', data: { task_status: 'weird' } }),
      json(unauthorized, 401),
    );
    await expect(model(fetch).doStatus({ operation })).rejects.toMatchObject({
      retryable: true,
      retryAfterMs: 3000,
    });
    await expect(model(fetch).doStatus({ operation })).rejects.toMatchObject({ retryable: true });
    const garbage = await model(fetch)
      .doStatus({ operation })
      .catch((caught: unknown) => caught);
    expect(garbage).toBeInstanceOf(ProviderApiError);
    expect(garbage).toMatchObject({ retryable: true, code: 'provider_bad_response' });
    await expect(model(fetch).doStatus({ operation })).rejects.toMatchObject({
      retryable: true,
      code: 'provider_bad_response',
    });
    await expect(model(fetch).doStatus({ operation })).rejects.toMatchObject({
      retryable: false,
      code: 'provider_auth_failed',
    });
  });

  it('fails upstream_timeout past maxRenderMs without calling Kling (no cancel endpoint)', async () => {
    const { calls, fetch } = fakeFetch();
    const late = model(fetch, 'kling-v2-5-turbo', { now: () => now + 600_001 });
    expect(await late.doStatus({ operation })).toMatchObject({
      status: 'failed',
      error: { code: 'upstream_timeout', retryable: false },
    });
    expect(calls).toHaveLength(0);
    expect(late.doCancel).toBeUndefined();
  });

  it('rejects an operation that is not a Kling task', async () => {
    const { fetch } = fakeFetch();
    await expect(model(fetch).doStatus({ operation: { id: 1 } })).rejects.toMatchObject({
      retryable: false,
      code: 'invalid_operation',
    });
  });
});

describe('kling provider', () => {
  it('declares its models and needs an access key', () => {
    expect(klingProvider.models.map((each) => each.modelId)).toEqual([
      'kling-v2-5-turbo',
      'kling-v2-1-master',
      'kling-v2-6',
    ]);
    expect(credentialVariables(klingProvider)).toEqual(['KLING_ACCESS_KEY', 'KLING_SECRET_KEY']);
    const settings = { apiKey: null } as unknown as ProviderSettings;
    expect(klingProvider.isConfigured(settings)).toBe(false);
    expect(() => klingProvider.createModel('kling-v9', settings)).toThrow(/no model/);
  });
});
