import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidRequestError, ProviderApiError, type JSONObject } from '@vgw/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonReply, scriptedFetch, type RecordedCall } from '../../test-support/recording-fetch.js';
import { credentialVariables, type ProviderSettings } from '../provider-definition.js';
import created from './__fixtures__/create.json' with { type: 'json' };
import pending from './__fixtures__/pending.json' with { type: 'json' };
import running from './__fixtures__/running.json' with { type: 'json' };
import succeeded from './__fixtures__/succeeded.json' with { type: 'json' };
import succeededArray from './__fixtures__/succeeded-array.json' with { type: 'json' };
import succeededNoOutput from './__fixtures__/succeeded-no-output.json' with { type: 'json' };
import failed from './__fixtures__/failed.json' with { type: 'json' };
import moderated from './__fixtures__/moderated.json' with { type: 'json' };
import moderatedInput from './__fixtures__/moderated-input.json' with { type: 'json' };
import moderatedOutput from './__fixtures__/moderated-output.json' with { type: 'json' };
import canceled from './__fixtures__/canceled.json' with { type: 'json' };
import aborted from './__fixtures__/aborted.json' with { type: 'json' };
import throttled from './__fixtures__/429.json' with { type: 'json' };
import serverError from './__fixtures__/500.json' with { type: 'json' };
import unauthenticated from './__fixtures__/401.json' with { type: 'json' };
import invalidInput from './__fixtures__/422.json' with { type: 'json' };
import { replicateProvider } from './replicate-provider.js';
import { providerTestSettings } from '../../test-support/provider-test-settings.js';
import { callOptionsFrom } from '../../test-support/video-call-options.js';

const clock = 1_000_000;
function settings(
  fetch: ProviderSettings['fetch'],
  overrides: Partial<ProviderSettings> = {},
): ProviderSettings {
  return providerTestSettings({
    apiKey: 'r8_test',
    fetch,
    now: () => clock,
    ...overrides,
  });
}

const callOptions = callOptionsFrom({
  prompt: 'A cat walks across a sunlit room',
  seconds: 6,
  width: 1366,
  height: 768,
  idempotencyKey: 'start_1',
});

const operation = {
  predictionId: 'gm3qorzdhgbfurvjtvhg6dckhu',
  model: 'minimax/hailuo-02',
  startedAt: 1_000_000,
  sentImage: false,
};

async function status(body: unknown, status = 200, headers: Record<string, string> = {}) {
  const { fetch, calls } = scriptedFetch([jsonReply(body, status, headers)]);
  const model = replicateProvider.createModel('minimax/hailuo-02', settings(fetch));
  return { result: await model.doStatus({ operation }), calls };
}

describe('replicate doStart', () => {
  let directory = '';
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'vgw-replicate-'));
  });
  afterAll(async () => rm(directory, { recursive: true, force: true }));

  it('creates an official-model prediction without Prefer: wait', async () => {
    const { fetch, calls } = scriptedFetch([jsonReply(created, 201)]);
    const model = replicateProvider.createModel('minimax/hailuo-02', settings(fetch));
    const started = await model.doStart(
      callOptions({ providerOptions: { input: { prompt_optimizer: false } } }),
    );
    expect(calls).toHaveLength(1);
    const [call] = calls as [RecordedCall];
    expect(call.url).toBe('https://api.replicate.com/v1/models/minimax/hailuo-02/predictions');
    expect(call.method).toBe('POST');
    expect(call.headers.authorization).toBe('Bearer r8_test');
    expect(call.headers['content-type']).toBe('application/json');
    expect(Object.keys(call.headers).map((name) => name.toLowerCase())).not.toContain('prefer');
    expect(call.body).toEqual({
      input: {
        prompt: 'A cat walks across a sunlit room',
        duration: 6,
        resolution: '768p',
        prompt_optimizer: false,
      },
    });
    expect(started.operation).toEqual(operation);
    expect(started.warnings).toEqual([]);
  });

  it('creates a versioned prediction on /predictions with the version id', async () => {
    const version = 'c43b610efe40d08a28d2c07cb3515dab1cd3324dfc7418f3304a092571071d22';
    const { fetch, calls } = scriptedFetch([jsonReply(created, 201)]);
    const options = {
      models: [
        {
          id: `acme/tiny-video:${version}`,
          capabilities: { seed: true, durations: { kind: 'set', seconds: [2, 4] } },
          fields: { seconds: 'num_seconds', seed: 'seed', fps: 'fps' },
          sizeInputs: { '640x360': { width: 640, height: 360 } },
          input: { steps: 4 },
        },
      ],
    };
    const model = replicateProvider.createModel(
      `acme/tiny-video:${version}`,
      settings(fetch, { baseURL: 'http://emulator.test/v1/', options }),
    );
    expect(model.capabilities.durations).toEqual({ kind: 'set', seconds: [2, 4] });
    expect(model.capabilities.price.microUsdPerSecond).toBe(0);
    await model.doStart(callOptions({ seconds: 2, width: 640, height: 360, seed: 0 }));
    expect(calls[0]?.url).toBe('http://emulator.test/v1/predictions');
    expect(calls[0]?.body).toEqual({
      version,
      input: {
        steps: 4,
        width: 640,
        height: 360,
        prompt: 'A cat walks across a sunlit room',
        num_seconds: 2,
        fps: 24,
        seed: 0,
      },
    });
  });

  it('sends the input image as a data URI under the model input name', async () => {
    const image = join(directory, 'frame.png');
    await writeFile(image, Buffer.from('not really a png'));
    const { fetch, calls } = scriptedFetch([jsonReply(created, 201)]);
    const model = replicateProvider.createModel('kwaivgi/kling-v1.6-standard', settings(fetch));
    const started = await model.doStart(
      callOptions({
        seconds: 5,
        width: 720,
        height: 1280,
        inputReference: { path: image, mediaType: 'image/png' },
      }),
    );
    expect(calls[0]?.body.input).toEqual({
      prompt: 'A cat walks across a sunlit room',
      duration: 5,
      aspect_ratio: '9:16',
      start_image: `data:image/png;base64,${Buffer.from('not really a png').toString('base64')}`,
    });
    expect((started.operation as JSONObject).sentImage).toBe(true);
  });

  it('warns about what a model without declared inputs ignores', async () => {
    const { fetch, calls } = scriptedFetch([jsonReply(created, 201)]);
    const model = replicateProvider.createModel(
      'acme/plain',
      settings(fetch, { options: { models: [{ id: 'acme/plain' }] } }),
    );
    const started = await model.doStart(callOptions({ seconds: 3, width: 640, height: 480 }));
    expect(calls[0]?.body).toEqual({ input: { prompt: 'A cat walks across a sunlit room' } });
    expect(started.warnings.map((warning) => 'param' in warning && warning.param)).toEqual([
      'seconds',
      'size',
    ]);
  });

  it('rejects unknown provider_options keys before any call', async () => {
    const { fetch, calls } = scriptedFetch([]);
    const model = replicateProvider.createModel('minimax/hailuo-02', settings(fetch));
    const error = await model
      .doStart(callOptions({ providerOptions: { inputs: {} } }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).param).toBe('provider_options.replicate.inputs');
    expect(calls).toHaveLength(0);
  });

  it('maps 429 to a retryable error carrying Retry-After', async () => {
    const { fetch } = scriptedFetch([jsonReply(throttled, 429, { 'retry-after': '7' })]);
    const model = replicateProvider.createModel('minimax/hailuo-02', settings(fetch));
    const error = (await model.doStart(callOptions()).catch((caught: unknown) => caught)) as any;
    expect(error).toBeInstanceOf(ProviderApiError);
    expect(error.retryable).toBe(true);
    expect(error.code).toBe('provider_rate_limited');
    expect(error.retryAfterMs).toBe(7000);
  });

  it('maps 500 to a retryable error', async () => {
    const { fetch } = scriptedFetch([jsonReply(serverError, 500)]);
    const model = replicateProvider.createModel('minimax/hailuo-02', settings(fetch));
    const error = (await model.doStart(callOptions()).catch((caught: unknown) => caught)) as any;
    expect(error.retryable).toBe(true);
    expect(error.code).toBe('provider_unavailable');
  });

  it('maps 401 to a non-retryable error naming REPLICATE_API_TOKEN', async () => {
    const { fetch } = scriptedFetch([jsonReply(unauthenticated, 401)]);
    const model = replicateProvider.createModel('minimax/hailuo-02', settings(fetch));
    const error = (await model.doStart(callOptions()).catch((caught: unknown) => caught)) as any;
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('REPLICATE_API_TOKEN');
  });

  it('maps a 422 input validation failure to a non-retryable error', async () => {
    const { fetch } = scriptedFetch([jsonReply(invalidInput, 422)]);
    const model = replicateProvider.createModel('minimax/hailuo-02', settings(fetch));
    const error = (await model.doStart(callOptions()).catch((caught: unknown) => caught)) as any;
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('input.duration');
  });

  it('refuses to start without a token, naming the variable', async () => {
    const { fetch, calls } = scriptedFetch([]);
    const model = replicateProvider.createModel(
      'minimax/hailuo-02',
      settings(fetch, { apiKey: null }),
    );
    await expect(model.doStart(callOptions())).rejects.toThrow(/REPLICATE_API_TOKEN/);
    expect(calls).toHaveLength(0);
  });
});

describe('replicate doStatus', () => {
  it('polls GET /predictions/{id} and maps starting to pending', async () => {
    const { result, calls } = await status(pending);
    expect(calls[0]?.url).toBe(
      'https://api.replicate.com/v1/predictions/gm3qorzdhgbfurvjtvhg6dckhu',
    );
    expect(calls[0]?.method).toBe('GET');
    expect(calls[0]?.headers.authorization).toBe('Bearer r8_test');
    expect(result).toEqual({ status: 'pending' });
  });

  it('reads progress from the last tqdm line of processing logs', async () => {
    expect((await status(running)).result).toEqual({ status: 'pending', progress: 45 });
  });

  it('maps succeeded with a URL string, or an array of URLs, to completed', async () => {
    const video = {
      variant: 'video',
      kind: 'url',
      url: 'https://replicate.delivery/xezq/abc123/output.mp4',
      mediaType: 'video/mp4',
    };
    expect((await status(succeeded)).result).toMatchObject({
      status: 'completed',
      videos: [video],
    });
    expect((await status(succeededArray)).result).toMatchObject({
      status: 'completed',
      videos: [video],
    });
  });

  it('fails no_output when succeeded without a URL', async () => {
    expect((await status(succeededNoOutput)).result).toMatchObject({
      status: 'failed',
      error: { code: 'no_output', retryable: false },
    });
  });

  it('maps failed to render_failed with the error text', async () => {
    expect((await status(failed)).result).toEqual({
      status: 'failed',
      error: {
        code: 'render_failed',
        message: 'replicate: CUDA error: an illegal memory access was encountered',
        retryable: false,
      },
    });
  });

  it('maps the E005 refusal to content_policy_violation, naming the input when it says so', async () => {
    const either = (await status(moderated)).result;
    expect(either).toMatchObject({ status: 'failed', error: { code: 'content_policy_violation' } });
    expect(either.status === 'failed' && either.error.param).toBeUndefined();
    expect((await status(moderatedInput)).result).toMatchObject({
      error: { code: 'content_policy_violation', param: 'prompt' },
    });
    expect((await status(moderatedOutput)).result).toMatchObject({
      error: { code: 'content_policy_violation', param: 'output' },
    });
  });

  it('maps canceled and aborted to failed cancelled', async () => {
    for (const body of [canceled, aborted]) {
      expect((await status(body)).result).toMatchObject({
        status: 'failed',
        error: { code: 'cancelled', retryable: false },
      });
    }
  });

  it('throws retryable errors for 429 (with Retry-After), 500 and malformed JSON', async () => {
    const throttledError = (await status(throttled, 429, { 'retry-after': '3' }).catch(
      (caught: unknown) => caught,
    )) as any;
    expect(throttledError.retryable).toBe(true);
    expect(throttledError.retryAfterMs).toBe(3000);
    await expect(status(serverError, 500)).rejects.toMatchObject({ retryable: true });
    const { fetch } = scriptedFetch([
      () => new Response('{"id": "x", "status": ', { status: 200 }),
    ]);
    const model = replicateProvider.createModel('minimax/hailuo-02', settings(fetch));
    const garbage = await model.doStatus({ operation }).catch((caught: unknown) => caught);
    expect(garbage).toBeInstanceOf(ProviderApiError);
    expect(garbage).toMatchObject({ code: 'provider_bad_response', retryable: true });
    await expect(status({ id: 'x', status: 'dreaming' })).rejects.toMatchObject({
      code: 'provider_bad_response',
    });
  });

  it('cancels upstream and fails upstream_timeout past maxRenderMs', async () => {
    const { fetch, calls } = scriptedFetch([jsonReply(canceled)]);
    const model = replicateProvider.createModel(
      'minimax/hailuo-02',
      settings(fetch, { maxRenderMs: 1000, now: () => 1_000_000 + 1001 }),
    );
    expect(await model.doStatus({ operation })).toMatchObject({
      status: 'failed',
      error: { code: 'upstream_timeout', retryable: false },
    });
    expect(calls[0]?.url).toBe(
      'https://api.replicate.com/v1/predictions/gm3qorzdhgbfurvjtvhg6dckhu/cancel',
    );
    expect(calls[0]?.method).toBe('POST');
  });

  it('still fails upstream_timeout when the cancel fails', async () => {
    const { fetch } = scriptedFetch([jsonReply(serverError, 500)]);
    const model = replicateProvider.createModel(
      'minimax/hailuo-02',
      settings(fetch, { maxRenderMs: 1000, now: () => 1_000_000 + 5000 }),
    );
    expect(await model.doStatus({ operation })).toMatchObject({
      error: { code: 'upstream_timeout' },
    });
  });

  it('fails non-retryably on a stored operation it cannot read', async () => {
    const { fetch } = scriptedFetch([]);
    const model = replicateProvider.createModel('minimax/hailuo-02', settings(fetch));
    await expect(model.doStatus({ operation: { id: 1 } })).rejects.toMatchObject({
      retryable: false,
    });
  });
});

describe('replicate doCancel and definition', () => {
  it('cancels with POST /predictions/{id}/cancel', async () => {
    const { fetch, calls } = scriptedFetch([jsonReply(canceled)]);
    const model = replicateProvider.createModel('minimax/hailuo-02', settings(fetch));
    await model.doCancel?.({ operation });
    expect(calls[0]).toMatchObject({
      url: 'https://api.replicate.com/v1/predictions/gm3qorzdhgbfurvjtvhg6dckhu/cancel',
      method: 'POST',
    });
    expect(calls[0]?.headers.authorization).toBe('Bearer r8_test');
  });

  it('declares known models and resolves configured ones, else a 404', () => {
    const { fetch } = scriptedFetch([]);
    expect(replicateProvider.models.map((model) => model.modelId)).toEqual([
      'minimax/hailuo-02',
      'google/veo-3',
      'kwaivgi/kling-v1.6-standard',
    ]);
    expect(credentialVariables(replicateProvider)).toEqual(['REPLICATE_API_TOKEN']);
    expect(replicateProvider.isConfigured(settings(fetch))).toBe(true);
    expect(replicateProvider.isConfigured(settings(fetch, { apiKey: null }))).toBe(false);
    expect(() => replicateProvider.createModel('acme/unknown', settings(fetch))).toThrow(
      /settings.options.models/,
    );
  });

  it('lists the known models and those from settings', () => {
    const { fetch } = scriptedFetch([]);
    const options = { models: [{ id: 'acme/plain' }, { id: 'google/veo-3', input: { x: 1 } }] };
    const listed = replicateProvider.listModels?.(settings(fetch, { options })) ?? [];
    expect(listed.map((model) => model.modelId)).toEqual([
      'minimax/hailuo-02',
      'kwaivgi/kling-v1.6-standard',
      'acme/plain',
      'google/veo-3',
    ]);
    expect(listed[3]?.capabilities.price.microUsdPerSecond).toBe(400_000);
  });

  it('reports a bad settings entry with its path', () => {
    const { fetch } = scriptedFetch([]);
    const options = { models: [{ id: 'acme/ok', capabilities: { seed: 'yes' } }] };
    expect(() => replicateProvider.createModel('acme/ok', settings(fetch, { options }))).toThrow(
      /options\.models\.0\.capabilities\.seed/,
    );
  });
});
