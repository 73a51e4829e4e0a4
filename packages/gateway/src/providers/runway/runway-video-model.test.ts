import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  InvalidRequestError,
  ProviderApiError,
  type JSONValue,
  type VideoModelV1,
} from '@vgw/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialVariables, type ProviderSettings } from '../provider-definition.js';
import {
  jsonResponse,
  scriptedFetch,
  type RecordedCall as Call,
} from '../../test-support/recording-fetch.js';
import cancelled from './__fixtures__/cancelled.json' with { type: 'json' };
import created from './__fixtures__/create.json' with { type: 'json' };
import badRequest from './__fixtures__/error-400.json' with { type: 'json' };
import unauthorized from './__fixtures__/error-401.json' with { type: 'json' };
import rateLimited from './__fixtures__/error-429.json' with { type: 'json' };
import serverError from './__fixtures__/error-500.json' with { type: 'json' };
import failed from './__fixtures__/failed.json' with { type: 'json' };
import moderatedImage from './__fixtures__/moderated-image.json' with { type: 'json' };
import moderatedOutput from './__fixtures__/moderated-output.json' with { type: 'json' };
import moderatedText from './__fixtures__/moderated-text.json' with { type: 'json' };
import pending from './__fixtures__/pending.json' with { type: 'json' };
import running from './__fixtures__/running.json' with { type: 'json' };
import succeededNoOutput from './__fixtures__/succeeded-no-output.json' with { type: 'json' };
import succeeded from './__fixtures__/succeeded.json' with { type: 'json' };
import throttled from './__fixtures__/throttled.json' with { type: 'json' };
import { runwayProvider } from './runway-provider.js';
import { providerTestSettings } from '../../test-support/provider-test-settings.js';
import { callOptionsFrom } from '../../test-support/video-call-options.js';

const now = 1_767_000_000_000;
const apiKey = 'key_runway_test';
const taskId = created.id;
const taskUrl = `https://api.dev.runwayml.com/v1/tasks/${taskId}`;
const pngBytes = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

const json = jsonResponse;
const fakeFetch = (...responses: Response[]) => scriptedFetch(responses);

function model(
  fetch: ProviderSettings['fetch'],
  modelId = 'gen4.5',
  overrides: Partial<ProviderSettings> = {},
): VideoModelV1 {
  return runwayProvider.createModel(
    modelId,
    providerTestSettings({
      apiKey,
      fetch,
      now: () => now,
      ...overrides,
    }),
  );
}

const callOptions = callOptionsFrom({ prompt: 'Slow dolly in on the lighthouse', seed: 1234 });

const operation: JSONValue = {
  taskId,
  model: 'gen4.5',
  endpoint: 'text_to_video',
  startedAt: now,
};

async function rejection(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

let workDir: string;
let imagePath: string;
beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'vgw-runway-'));
  imagePath = join(workDir, 'first.png');
  await writeFile(imagePath, pngBytes);
});
afterAll(async () => rm(workDir, { recursive: true, force: true }));

describe('runway provider definition', () => {
  it('declares the models, the env var and the default base URL', () => {
    expect(runwayProvider.id).toBe('runway');
    expect(credentialVariables(runwayProvider)).toEqual(['RUNWAYML_API_SECRET']);
    expect(runwayProvider.defaultBaseURL).toBe('https://api.dev.runwayml.com');
    expect(runwayProvider.models.map((each) => each.modelId)).toEqual([
      'gen4_turbo',
      'gen4.5',
      'veo3.1',
      'veo3.1_fast',
    ]);
    const veo = runwayProvider.models.find((each) => each.modelId === 'veo3.1');
    expect(veo?.capabilities.durations).toEqual({ kind: 'set', seconds: [4, 6, 8] });
    expect(veo?.capabilities.sizes).toEqual({
      kind: 'set',
      values: ['1280x720', '720x1280', '1080x1920', '1920x1080'],
    });
    for (const each of runwayProvider.models) {
      expect(Number.isInteger(each.capabilities.price.microUsdPerSecond)).toBe(true);
      expect(each.capabilities.imageInput).toBe(true);
    }
  });

  it('is configured only with a key, and refuses unknown models', () => {
    const settings = { apiKey: null } as ProviderSettings;
    expect(runwayProvider.isConfigured(settings)).toBe(false);
    expect(runwayProvider.isConfigured({ ...settings, apiKey: 'k' })).toBe(true);
    expect(() => model(fakeFetch().fetch, 'gen3a_turbo')).toThrow(/no model "gen3a_turbo"/);
  });
});

describe('runway doStart', () => {
  it('posts a text-to-video task with bearer auth and the version header', async () => {
    const { calls, fetch } = fakeFetch(json(created));
    const started = await model(fetch).doStart(callOptions({ seed: 0 }));
    expect(calls).toHaveLength(1);
    const call = calls[0] as Call;
    expect(call.url).toBe('https://api.dev.runwayml.com/v1/text_to_video');
    expect(call.method).toBe('POST');
    expect(call.headers.authorization).toBe(`Bearer ${apiKey}`);
    expect(call.headers['x-runway-version']).toBe('2024-11-06');
    expect(call.headers['content-type']).toBe('application/json');
    // seed 0 is a seed, not an absent one.
    expect(call.body).toEqual({
      model: 'gen4.5',
      promptText: 'Slow dolly in on the lighthouse',
      ratio: '1280:720',
      duration: 5,
      seed: 0,
    });
    expect(started.operation).toEqual({ ...(operation as object), startedAt: now });
    expect(started.providerMetadata).toEqual({ runwayTaskId: taskId, estimatedCredits: 60 });
  });

  it('posts image-to-video with the image as a base64 data URI', async () => {
    const { calls, fetch } = fakeFetch(json({ id: taskId }));
    const started = await model(fetch, 'gen4_turbo').doStart(
      callOptions({
        width: 960,
        height: 960,
        seed: null,
        inputReference: { path: imagePath, mediaType: 'image/png' },
        providerOptions: { contentModeration: { publicFigureThreshold: 'low' } },
      }),
    );
    const call = calls[0] as Call;
    expect(call.url).toBe('https://api.dev.runwayml.com/v1/image_to_video');
    expect(call.body).toEqual({
      model: 'gen4_turbo',
      promptText: 'Slow dolly in on the lighthouse',
      ratio: '960:960',
      duration: 5,
      contentModeration: { publicFigureThreshold: 'low' },
      promptImage: `data:image/png;base64,${pngBytes.toString('base64')}`,
    });
    expect(started.operation).toMatchObject({ endpoint: 'image_to_video', model: 'gen4_turbo' });
  });

  it('sends Veo options and honours a base URL override', async () => {
    const { calls, fetch } = fakeFetch(json(created));
    await model(fetch, 'veo3.1_fast', { baseURL: 'http://127.0.0.1:9/' }).doStart(
      callOptions({
        seconds: 4,
        width: 1080,
        height: 1920,
        providerOptions: { audio: false, negativePrompt: 'text overlays' },
      }),
    );
    const call = calls[0] as Call;
    expect(call.url).toBe('http://127.0.0.1:9/v1/text_to_video');
    expect(call.body).toMatchObject({
      model: 'veo3.1_fast',
      ratio: '1080:1920',
      duration: 4,
      audio: false,
      negativePrompt: 'text overlays',
    });
  });

  it('refuses gen4_turbo without an image before any HTTP call', async () => {
    const { calls, fetch } = fakeFetch();
    const error = await rejection(model(fetch, 'gen4_turbo').doStart(callOptions()));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.param).toBe('input_reference');
    expect(calls).toHaveLength(0);
  });

  it('refuses a size gen4.5 renders only from an image, and a seed over 32 bits', async () => {
    const { calls, fetch } = fakeFetch();
    const size = await rejection(model(fetch).doStart(callOptions({ width: 960, height: 960 })));
    expect(size).toBeInstanceOf(InvalidRequestError);
    expect(size.param).toBe('size');
    const seed = await rejection(model(fetch).doStart(callOptions({ seed: 2 ** 32 })));
    expect(seed.param).toBe('seed');
    expect(calls).toHaveLength(0);
  });

  it('validates provider_options.runway, naming the key', async () => {
    const { calls, fetch } = fakeFetch();
    const unknown = await rejection(
      model(fetch).doStart(callOptions({ providerOptions: { motion: 3 } })),
    );
    expect(unknown).toBeInstanceOf(InvalidRequestError);
    expect(unknown.param).toBe('provider_options.runway.motion');
    expect(unknown.code).toBe('unknown_parameter');
    const nested = await rejection(
      model(fetch).doStart(callOptions({ providerOptions: { contentModeration: { x: 1 } } })),
    );
    expect(nested.param).toBe('provider_options.runway.contentModeration.x');
    const wrongType = await rejection(
      model(fetch, 'veo3.1').doStart(
        callOptions({ seconds: 8, providerOptions: { audio: 'yes' } }),
      ),
    );
    expect(wrongType.param).toBe('provider_options.runway.audio');
    const wrongModel = await rejection(
      model(fetch).doStart(callOptions({ providerOptions: { audio: true } })),
    );
    expect(wrongModel.param).toBe('provider_options.runway.audio');
    expect(calls).toHaveLength(0);
  });

  it('maps 429 to a retryable error carrying Retry-After', async () => {
    const { fetch } = fakeFetch(json(rateLimited, 429, { 'retry-after': '7' }));
    const error = await rejection(model(fetch).doStart(callOptions()));
    expect(error).toBeInstanceOf(ProviderApiError);
    expect(error.retryable).toBe(true);
    expect(error.code).toBe('provider_rate_limited');
    expect(error.retryAfterMs).toBe(7000);
  });

  it('maps 500 to retryable, 400 to non-retryable', async () => {
    const { fetch } = fakeFetch(json(serverError, 500), json(badRequest, 400));
    const unavailable = await rejection(model(fetch).doStart(callOptions()));
    expect(unavailable.retryable).toBe(true);
    expect(unavailable.code).toBe('provider_unavailable');
    const rejected = await rejection(model(fetch).doStart(callOptions()));
    expect(rejected.retryable).toBe(false);
    expect(rejected.message).toContain('Validation of body failed');
  });

  it('maps 401 to a non-retryable error naming RUNWAYML_API_SECRET', async () => {
    const { fetch } = fakeFetch(json(unauthorized, 401));
    const error = await rejection(model(fetch).doStart(callOptions()));
    expect(error.retryable).toBe(false);
    expect(error.code).toBe('provider_auth_failed');
    expect(error.message).toContain('RUNWAYML_API_SECRET');
  });

  it('names the env var when no key is configured, without calling out', async () => {
    const { calls, fetch } = fakeFetch();
    const error = await rejection(model(fetch, 'gen4.5', { apiKey: null }).doStart(callOptions()));
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('RUNWAYML_API_SECRET');
    expect(calls).toHaveLength(0);
  });

  it('treats a malformed create answer as a retryable bad response', async () => {
    const { fetch } = fakeFetch(new Response('{"id":', { status: 200 }), json({ taskId: 'x' }));
    const garbage = await rejection(model(fetch).doStart(callOptions()));
    expect(garbage).toBeInstanceOf(ProviderApiError);
    expect(garbage.code).toBe('provider_bad_response');
    expect(garbage.retryable).toBe(true);
    const wrongShape = await rejection(model(fetch).doStart(callOptions()));
    expect(wrongShape.code).toBe('provider_bad_response');
  });
});

describe('runway doStatus', () => {
  async function statusOf(body: unknown, overrides: Partial<ProviderSettings> = {}) {
    const { calls, fetch } = fakeFetch(json(body));
    const result = await model(fetch, 'gen4.5', overrides).doStatus({ operation });
    return { result, calls };
  }

  it('polls the task with auth and version headers', async () => {
    const { result, calls } = await statusOf(pending);
    expect(calls[0]).toMatchObject({ url: taskUrl, method: 'GET', body: null });
    expect(calls[0]?.headers.authorization).toBe(`Bearer ${apiKey}`);
    expect(calls[0]?.headers['x-runway-version']).toBe('2024-11-06');
    expect(result).toEqual({ status: 'pending', retryAfterMs: 5000 });
  });

  it('maps THROTTLED to pending and RUNNING progress to a percentage', async () => {
    expect((await statusOf(throttled)).result).toEqual({ status: 'pending', retryAfterMs: 5000 });
    expect((await statusOf(running)).result).toEqual({
      status: 'pending',
      progress: 42,
      retryAfterMs: 5000,
    });
    const { id, createdAt } = running;
    expect((await statusOf({ id, createdAt, status: 'RUNNING' })).result).toEqual({
      status: 'pending',
      retryAfterMs: 5000,
    });
  });

  it('maps SUCCEEDED to the output URL', async () => {
    expect((await statusOf(succeeded)).result).toEqual({
      status: 'completed',
      videos: [{ variant: 'video', kind: 'url', url: succeeded.output[0], mediaType: 'video/mp4' }],
      providerMetadata: { runwayTaskId: taskId },
    });
  });

  it('fails with no_output when SUCCEEDED has no URL', async () => {
    const { result } = await statusOf(succeededNoOutput);
    expect(result).toMatchObject({
      status: 'failed',
      error: { code: 'no_output', retryable: false },
    });
  });

  it('maps a bad-output failure to a retryable render_failed', async () => {
    const { result } = await statusOf(failed);
    expect(result).toEqual({
      status: 'failed',
      error: {
        code: 'render_failed',
        message: expect.stringContaining('INTERNAL.BAD_OUTPUT.CODE01'),
        retryable: true,
      },
    });
  });

  it('maps moderation codes to content_policy_violation naming the input', async () => {
    const cases = [
      [moderatedText, 'prompt'],
      [moderatedImage, 'input_reference'],
      [moderatedOutput, 'output'],
    ] as const;
    for (const [body, param] of cases) {
      const { result } = await statusOf(body);
      expect(result).toEqual({
        status: 'failed',
        error: {
          code: 'content_policy_violation',
          message: expect.stringContaining(body.failure),
          retryable: false,
          param,
        },
      });
    }
  });

  it('maps other failures to a non-retryable render_failed', async () => {
    const { id, createdAt } = failed;
    const { result } = await statusOf({ id, createdAt, status: 'FAILED', failure: 'no' });
    expect(result).toMatchObject({
      status: 'failed',
      error: { code: 'render_failed', retryable: false },
    });
  });

  it('maps CANCELLED to failed cancelled', async () => {
    const { result } = await statusOf(cancelled);
    expect(result).toMatchObject({
      status: 'failed',
      error: { code: 'cancelled', retryable: false },
    });
  });

  it('throws retryable errors for 429 (with Retry-After), 500 and malformed JSON', async () => {
    const { fetch } = fakeFetch(
      json(rateLimited, 429, { 'retry-after': '3' }),
      json(serverError, 500),
      new Response('<html>bad gateway</html>', { status: 200 }),
      json({ id: taskId, status: 'EXPLODED' }),
    );
    const limited = await rejection(model(fetch).doStatus({ operation }));
    expect(limited).toMatchObject({ retryable: true, retryAfterMs: 3000 });
    const unavailable = await rejection(model(fetch).doStatus({ operation }));
    expect(unavailable).toMatchObject({ retryable: true, code: 'provider_unavailable' });
    for (let index = 0; index < 2; index += 1) {
      const garbage = await rejection(model(fetch).doStatus({ operation }));
      expect(garbage).toBeInstanceOf(ProviderApiError);
      expect(garbage).toMatchObject({ retryable: true, code: 'provider_bad_response' });
    }
  });

  it('throws a non-retryable error naming the env var for 401', async () => {
    const { fetch } = fakeFetch(json(unauthorized, 401));
    const error = await rejection(model(fetch).doStatus({ operation }));
    expect(error).toMatchObject({ retryable: false, code: 'provider_auth_failed' });
    expect(error.message).toContain('RUNWAYML_API_SECRET');
  });

  it('refuses an operation that is not a Runway task', async () => {
    const error = await rejection(model(fakeFetch().fetch).doStatus({ operation: { id: 1 } }));
    expect(error).toMatchObject({ retryable: false });
  });

  it('past maxRenderMs, cancels upstream and fails upstream_timeout', async () => {
    const { calls, fetch } = fakeFetch(json(running), new Response(null, { status: 204 }));
    const late = model(fetch, 'gen4.5', { now: () => now + 600_001 });
    const result = await late.doStatus({ operation });
    expect(result).toMatchObject({
      status: 'failed',
      error: { code: 'upstream_timeout', retryable: false },
    });
    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual([
      `GET ${taskUrl}`,
      `DELETE ${taskUrl}`,
    ]);
  });

  it('past maxRenderMs, a finished task still completes', async () => {
    const { calls, fetch } = fakeFetch(json(succeeded));
    const late = model(fetch, 'gen4.5', { now: () => now + 600_001 });
    expect((await late.doStatus({ operation })).status).toBe('completed');
    expect(calls).toHaveLength(1);
  });

  it('past maxRenderMs, a check that keeps failing ends the render', async () => {
    const { fetch } = fakeFetch(
      new Response('{"status":', { status: 200 }),
      json(serverError, 500),
    );
    const late = model(fetch, 'gen4.5', { now: () => now + 600_001 });
    const result = await late.doStatus({ operation });
    expect(result).toMatchObject({ status: 'failed', error: { code: 'upstream_timeout' } });
    if (result.status === 'failed') expect(result.error.message).toContain('last status check');
  });
});

describe('runway doCancel', () => {
  it('deletes the task and accepts the empty 204', async () => {
    const { calls, fetch } = fakeFetch(new Response(null, { status: 204 }));
    await model(fetch).doCancel?.({ operation });
    expect(calls).toEqual([
      {
        url: taskUrl,
        method: 'DELETE',
        headers: expect.objectContaining({
          authorization: `Bearer ${apiKey}`,
          'x-runway-version': '2024-11-06',
          accept: '*/*',
        }),
        body: null,
      },
    ]);
  });

  it('treats an already deleted task as cancelled, and rethrows other errors', async () => {
    const { fetch } = fakeFetch(json({ error: 'Task not found' }, 404), json(serverError, 503));
    await expect(model(fetch).doCancel?.({ operation })).resolves.toBeUndefined();
    const error = await rejection(model(fetch).doCancel?.({ operation }) as Promise<void>);
    expect(error).toMatchObject({ retryable: true });
  });
});
