import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  InvalidRequestError,
  PolicyViolationError,
  ProviderApiError,
  type JSONValue,
} from '@vgw/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialVariables, type ProviderSettings } from '../provider-definition.js';
import { jsonResponse, scriptedFetch } from '../../test-support/recording-fetch.js';
import unauthorized from './__fixtures__/401.json' with { type: 'json' };
import rateLimitedHttp from './__fixtures__/429.json' with { type: 'json' };
import serverError from './__fixtures__/500.json' with { type: 'json' };
import v1CreateModerated from './__fixtures__/v1-create-moderated.json' with { type: 'json' };
import v1Create from './__fixtures__/v1-create.json' with { type: 'json' };
import v1Failed from './__fixtures__/v1-failed.json' with { type: 'json' };
import v1FileNoUrl from './__fixtures__/v1-file-no-url.json' with { type: 'json' };
import v1File from './__fixtures__/v1-file.json' with { type: 'json' };
import v1Broke from './__fixtures__/v1-insufficient-balance.json' with { type: 'json' };
import v1Moderated from './__fixtures__/v1-moderated.json' with { type: 'json' };
import v1Pending from './__fixtures__/v1-pending.json' with { type: 'json' };
import v1RateLimited from './__fixtures__/v1-rate-limited.json' with { type: 'json' };
import v1Running from './__fixtures__/v1-running.json' with { type: 'json' };
import v1Succeeded from './__fixtures__/v1-succeeded.json' with { type: 'json' };
import v2BadRequest from './__fixtures__/v2-400.json' with { type: 'json' };
import v2RateLimited from './__fixtures__/v2-429.json' with { type: 'json' };
import v2Cancelled from './__fixtures__/v2-cancelled.json' with { type: 'json' };
import v2Create from './__fixtures__/v2-create.json' with { type: 'json' };
import v2Expired from './__fixtures__/v2-expired.json' with { type: 'json' };
import v2Failed from './__fixtures__/v2-failed.json' with { type: 'json' };
import v2Moderated from './__fixtures__/v2-moderated.json' with { type: 'json' };
import v2Queued from './__fixtures__/v2-queued.json' with { type: 'json' };
import v2Running from './__fixtures__/v2-running.json' with { type: 'json' };
import v2NoUrl from './__fixtures__/v2-succeeded-no-url.json' with { type: 'json' };
import v2Succeeded from './__fixtures__/v2-succeeded.json' with { type: 'json' };
import { minimaxProvider } from './minimax-provider.js';
import { providerTestSettings } from '../../test-support/provider-test-settings.js';
import { callOptionsFrom } from '../../test-support/video-call-options.js';

const now = 1_767_000_000_000;
const apiKey = 'mm-test-key';

const json = jsonResponse;
const fakeFetch = (...responses: Response[]) => scriptedFetch(responses);

function model(
  fetch: ProviderSettings['fetch'],
  modelId = 'MiniMax-Hailuo-02',
  overrides: Partial<ProviderSettings> = {},
) {
  return minimaxProvider.createModel(
    modelId,
    providerTestSettings({
      apiKey,
      fetch,
      now: () => now,
      ...overrides,
    }),
  );
}

const callOptions = callOptionsFrom({
  prompt: 'a man picks up a book',
  seconds: 6,
  width: 1366,
  height: 768,
});

const v1Operation: JSONValue = {
  taskId: '361720188367060',
  api: 'v1',
  modelId: 'MiniMax-Hailuo-02',
  hasImage: false,
  startedAt: now,
};
const v2Operation: JSONValue = {
  taskId: '4f0c1e2a-7b1d-4c55-9d1e-0a6f3b2c9d10',
  api: 'v2',
  modelId: 'MiniMax-H3',
  hasImage: false,
  startedAt: now,
};

let workDir: string;
let imagePath: string;
const imageBytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 9]);

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'minimax-test-'));
  imagePath = join(workDir, 'first.png');
  await writeFile(imagePath, imageBytes);
});
afterAll(() => rm(workDir, { recursive: true, force: true }));

const caught = (promise: Promise<unknown>) => promise.catch((error: unknown) => error);

describe('minimax v1 (Hailuo) doStart', () => {
  it('posts /v1/video_generation with Bearer auth and the documented fields', async () => {
    const { calls, fetch } = fakeFetch(json(v1Create));
    const started = await model(fetch).doStart(
      callOptions({
        seconds: 10,
        inputReference: { path: imagePath, mediaType: 'image/png' },
        providerOptions: { prompt_optimizer: false },
      }),
    );
    expect(calls[0]).toMatchObject({
      url: 'https://api.minimax.io/v1/video_generation',
      method: 'POST',
    });
    expect(calls[0]!.headers.authorization).toBe(`Bearer ${apiKey}`);
    expect(calls[0]!.body).toEqual({
      model: 'MiniMax-Hailuo-02',
      prompt: 'a man picks up a book',
      duration: 10,
      resolution: '768P',
      prompt_optimizer: false,
      first_frame_image: `data:image/png;base64,${imageBytes.toString('base64')}`,
    });
    expect(started.operation).toEqual({ ...(v1Operation as object), hasImage: true });
  });

  it('maps 1080P and refuses 10 s there before calling', async () => {
    const { calls, fetch } = fakeFetch(json(v1Create));
    await model(fetch, 'MiniMax-Hailuo-2.3').doStart(callOptions({ width: 1920, height: 1080 }));
    expect(calls[0]!.body).toMatchObject({ model: 'MiniMax-Hailuo-2.3', resolution: '1080P' });
    const error = await caught(
      model(fetch).doStart(callOptions({ width: 1920, height: 1080, seconds: 10 })),
    );
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error).toMatchObject({ param: 'seconds' });
    expect(calls).toHaveLength(1);
  });

  it('treats base_resp codes on HTTP 200 as errors: 1026, 1002, 1008, 1004', async () => {
    const { fetch } = fakeFetch(
      json(v1CreateModerated),
      json(v1RateLimited),
      json(v1Broke),
      json(unauthorized),
    );
    const refused = await caught(model(fetch).doStart(callOptions()));
    expect(refused).toBeInstanceOf(PolicyViolationError);
    expect(refused).toMatchObject({ code: 'content_policy_violation', param: 'prompt' });
    expect(await caught(model(fetch).doStart(callOptions()))).toMatchObject({
      retryable: true,
      code: 'provider_rate_limited',
    });
    expect(await caught(model(fetch).doStart(callOptions()))).toMatchObject({
      retryable: false,
      code: 'provider_quota_exceeded',
    });
    const denied = await caught(model(fetch).doStart(callOptions()));
    expect(denied).toMatchObject({ retryable: false, code: 'provider_auth_failed' });
    expect((denied as Error).message).toContain('MINIMAX_API_KEY');
  });

  it('maps HTTP 429 (Retry-After), 500 and 401', async () => {
    const { fetch } = fakeFetch(
      json(rateLimitedHttp, 429, { 'retry-after': '4' }),
      json(serverError, 500),
      json(unauthorized, 401),
    );
    expect(await caught(model(fetch).doStart(callOptions()))).toMatchObject({
      retryable: true,
      retryAfterMs: 4000,
    });
    expect(await caught(model(fetch).doStart(callOptions()))).toMatchObject({ retryable: true });
    const denied = await caught(model(fetch).doStart(callOptions()));
    expect(denied).toMatchObject({ retryable: false, code: 'provider_auth_failed' });
    expect((denied as Error).message).toContain('MINIMAX_API_KEY');
  });

  it('validates provider_options.minimax per API version', async () => {
    const { fetch } = fakeFetch();
    const v1 = await caught(
      model(fetch).doStart(callOptions({ providerOptions: { aigc_watermark: true } })),
    );
    expect(v1).toBeInstanceOf(InvalidRequestError);
    expect(v1).toMatchObject({ param: 'provider_options.minimax.aigc_watermark' });
    const v2 = await caught(
      model(fetch, 'MiniMax-H3').doStart(
        callOptions({ width: 2560, height: 1440, seconds: 5, providerOptions: { bogus: 1 } }),
      ),
    );
    expect(v2).toMatchObject({ param: 'provider_options.minimax.bogus' });
    const wrongType = await caught(
      model(fetch).doStart(callOptions({ providerOptions: { prompt_optimizer: 'no' } })),
    );
    expect(wrongType).toMatchObject({ param: 'provider_options.minimax.prompt_optimizer' });
  });

  it('refuses to call without a key', async () => {
    const { calls, fetch } = fakeFetch();
    const error = await caught(
      model(fetch, 'MiniMax-Hailuo-02', { apiKey: null }).doStart(callOptions()),
    );
    expect(error).toMatchObject({ retryable: false, code: 'provider_auth_failed' });
    expect(calls).toHaveLength(0);
  });
});

describe('minimax v1 (Hailuo) doStatus', () => {
  it('maps Queueing and Processing to pending on the query URL', async () => {
    const { calls, fetch } = fakeFetch(json(v1Pending), json(v1Running));
    expect(await model(fetch).doStatus({ operation: v1Operation })).toEqual({ status: 'pending' });
    expect(await model(fetch).doStatus({ operation: v1Operation })).toEqual({ status: 'pending' });
    expect(calls[0]).toMatchObject({
      url: 'https://api.minimax.io/v1/query/video_generation?task_id=361720188367060',
      method: 'GET',
    });
    expect(calls[0]!.headers.authorization).toBe(`Bearer ${apiKey}`);
  });

  it('on Success retrieves the file and returns its download_url', async () => {
    const { calls, fetch } = fakeFetch(json(v1Succeeded), json(v1File));
    expect(await model(fetch).doStatus({ operation: v1Operation })).toEqual({
      status: 'completed',
      videos: [
        {
          variant: 'video',
          kind: 'url',
          url: 'https://video-product.cdn.minimax.io/inference_output/video/2026-08-20/abc/output.mp4',
          mediaType: 'video/mp4',
        },
      ],
      providerMetadata: {
        minimax: { taskId: '361720188367060', fileId: '361721749176519', width: 1366, height: 768 },
      },
    });
    expect(calls[1]!.url).toBe('https://api.minimax.io/v1/files/retrieve?file_id=361721749176519');
  });

  it('maps Fail, output moderation and a file without a URL', async () => {
    const { fetch } = fakeFetch(
      json(v1Failed),
      json(v1Moderated),
      json(v1Succeeded),
      json(v1FileNoUrl),
    );
    expect(await model(fetch).doStatus({ operation: v1Operation })).toEqual({
      status: 'failed',
      error: {
        code: 'render_failed',
        message: 'minimax: unknown error (status_code 1000)',
        retryable: false,
      },
    });
    expect(await model(fetch).doStatus({ operation: v1Operation })).toMatchObject({
      status: 'failed',
      error: { code: 'content_policy_violation', param: 'output', retryable: false },
    });
    expect(await model(fetch).doStatus({ operation: v1Operation })).toMatchObject({
      status: 'failed',
      error: { code: 'no_output' },
    });
  });

  it('throws retryable errors for 429, 500 and garbage, a final one for 1004', async () => {
    const { fetch } = fakeFetch(
      json(rateLimitedHttp, 429, { 'retry-after': '2' }),
      json(serverError, 502),
      new Response('{"status": "Succ', { status: 200 }),
      json(unauthorized),
    );
    await expect(model(fetch).doStatus({ operation: v1Operation })).rejects.toMatchObject({
      retryable: true,
      retryAfterMs: 2000,
    });
    await expect(model(fetch).doStatus({ operation: v1Operation })).rejects.toMatchObject({
      retryable: true,
    });
    const garbage = await caught(model(fetch).doStatus({ operation: v1Operation }));
    expect(garbage).toBeInstanceOf(ProviderApiError);
    expect(garbage).toMatchObject({ retryable: true, code: 'provider_bad_response' });
    await expect(model(fetch).doStatus({ operation: v1Operation })).rejects.toMatchObject({
      retryable: false,
      code: 'provider_auth_failed',
    });
  });

  it('fails upstream_timeout past maxRenderMs without a call (no cancel endpoint)', async () => {
    const { calls, fetch } = fakeFetch();
    const late = model(fetch, 'MiniMax-Hailuo-02', { now: () => now + 600_001 });
    expect(await late.doStatus({ operation: v1Operation })).toMatchObject({
      status: 'failed',
      error: { code: 'upstream_timeout', retryable: false },
    });
    expect(calls).toHaveLength(0);
    expect(late.doCancel).toBeUndefined();
    await expect(late.doStatus({ operation: { taskId: 1 } })).rejects.toMatchObject({
      code: 'invalid_operation',
    });
  });
});

describe('minimax v2 (MiniMax-H3)', () => {
  it('posts content items with ratio for text-to-video', async () => {
    const { calls, fetch } = fakeFetch(json(v2Create));
    const started = await model(fetch, 'MiniMax-H3').doStart(
      callOptions({
        width: 1440,
        height: 2560,
        seconds: 7,
        providerOptions: { aigc_watermark: true },
      }),
    );
    expect(calls[0]).toMatchObject({
      url: 'https://api.minimax.io/v2/video_generation',
      method: 'POST',
    });
    expect(calls[0]!.headers.authorization).toBe(`Bearer ${apiKey}`);
    expect(calls[0]!.body).toEqual({
      model: 'MiniMax-H3',
      content: [{ type: 'text', text: 'a man picks up a book' }],
      resolution: '2K',
      duration: 7,
      ratio: '9:16',
      aigc_watermark: true,
    });
    expect(started.operation).toEqual(v2Operation);
  });

  it('sends an input image as a first_frame data URL without a ratio', async () => {
    const { calls, fetch } = fakeFetch(json(v2Create));
    await model(fetch, 'MiniMax-H3').doStart(
      callOptions({
        width: 2560,
        height: 1440,
        seconds: 5,
        inputReference: { path: imagePath, mediaType: 'image/png' },
      }),
    );
    expect(calls[0]!.body!.content[1]).toEqual({
      type: 'image_url',
      image_url: { url: `data:image/png;base64,${imageBytes.toString('base64')}` },
      role: 'first_frame',
    });
    expect(calls[0]!.body).not.toHaveProperty('ratio');
  });

  it('maps v2 HTTP errors: 400 final, 429 retryable', async () => {
    const { fetch } = fakeFetch(
      json(v2BadRequest, 400),
      json(v2RateLimited, 429, { 'retry-after': '1' }),
    );
    const options = callOptions({ width: 2560, height: 1440, seconds: 5 });
    expect(await caught(model(fetch, 'MiniMax-H3').doStart(options))).toMatchObject({
      retryable: false,
      code: 'provider_rejected',
    });
    expect(await caught(model(fetch, 'MiniMax-H3').doStart(options))).toMatchObject({
      retryable: true,
      retryAfterMs: 1000,
    });
  });

  it('maps queued, running, succeeded and a success without a URL', async () => {
    const { calls, fetch } = fakeFetch(
      json(v2Queued),
      json(v2Running),
      json(v2Succeeded),
      json(v2NoUrl),
    );
    const h3 = model(fetch, 'MiniMax-H3');
    expect(await h3.doStatus({ operation: v2Operation })).toEqual({ status: 'pending' });
    expect(await h3.doStatus({ operation: v2Operation })).toEqual({ status: 'pending' });
    expect(calls[0]!.url).toBe(
      'https://api.minimax.io/v2/query/video_generation/4f0c1e2a-7b1d-4c55-9d1e-0a6f3b2c9d10',
    );
    expect(await h3.doStatus({ operation: v2Operation })).toMatchObject({
      status: 'completed',
      videos: [{ url: 'https://video-product.cdn.minimax.io/h3/output.mp4?Expires=1790000000' }],
      providerMetadata: { minimax: { outputSeconds: 5, ratio: '16:9', resolution: '2K' } },
    });
    expect(await h3.doStatus({ operation: v2Operation })).toMatchObject({
      status: 'failed',
      error: { code: 'no_output' },
    });
  });

  it('maps failed, moderated, cancelled and expired', async () => {
    const { fetch } = fakeFetch(
      json(v2Failed),
      json(v2Moderated),
      json(v2Cancelled),
      json(v2Expired),
    );
    const h3 = model(fetch, 'MiniMax-H3');
    expect(await h3.doStatus({ operation: v2Operation })).toEqual({
      status: 'failed',
      error: {
        code: 'render_failed',
        message: 'minimax: generation failed (internal_error)',
        retryable: false,
      },
    });
    expect(await h3.doStatus({ operation: v2Operation })).toMatchObject({
      status: 'failed',
      error: { code: 'content_policy_violation', param: 'output' },
    });
    expect(await h3.doStatus({ operation: v2Operation })).toMatchObject({
      status: 'failed',
      error: { code: 'cancelled', retryable: false },
    });
    expect(await h3.doStatus({ operation: v2Operation })).toMatchObject({
      status: 'failed',
      error: { code: 'expired', retryable: false },
    });
  });
});

describe('minimax provider', () => {
  it('declares its models and needs a key', () => {
    expect(minimaxProvider.models.map((each) => each.modelId)).toEqual([
      'MiniMax-Hailuo-02',
      'MiniMax-Hailuo-2.3',
      'MiniMax-H3',
    ]);
    expect(credentialVariables(minimaxProvider)).toEqual(['MINIMAX_API_KEY']);
    expect(minimaxProvider.isConfigured({ apiKey: null } as unknown as ProviderSettings)).toBe(
      false,
    );
    expect(() => minimaxProvider.createModel('T2V-01', {} as ProviderSettings)).toThrow(/no model/);
  });
});
