import { InvalidRequestError, ProviderApiError } from '@vgw/spec';
import { describe, expect, it } from 'vitest';
import { credentialVariables, type ProviderSettings } from '../provider-definition.js';
import { fixtureLoader } from '../../test-support/load-fixture.js';
import { answeringFetch, type ScriptedAnswer } from '../../test-support/recording-fetch.js';
import { lumaProvider } from './luma-provider.js';
import { providerTestSettings } from '../../test-support/provider-test-settings.js';
import { callOptionsFrom } from '../../test-support/video-call-options.js';

const fixture = fixtureLoader(import.meta.url);
const generationId = 'd2b2c1e4-6c3a-4f5e-9f4c-0a1b2c3d4e5f';
const base = 'https://api.lumalabs.ai/dream-machine/v1';

type Answer = ScriptedAnswer;

function model(answers: Answer[], overrides: Partial<ProviderSettings> = {}, modelId = 'ray-2') {
  const { fetch, calls } = answeringFetch(answers);
  const settings: ProviderSettings = providerTestSettings({
    apiKey: 'luma-test-key',
    fetch,
    now: () => 1_000_000,
    ...overrides,
  });
  return { model: lumaProvider.createModel(modelId, settings), calls };
}

const call = callOptionsFrom({ prompt: 'A serene lake surrounded by mountains at sunset' });

const operation = { id: generationId, model: 'ray-2', startedAt: 1_000_000 };

describe('luma doStart', () => {
  it('POSTs the documented create body with Bearer auth and stores the generation id', async () => {
    const { model: luma, calls } = model([{ status: 201, body: fixture('create') }]);
    const started = await luma.doStart(
      call({
        providerOptions: {
          loop: true,
          concepts: ['dolly_zoom'],
          callback_url: 'https://hooks.example.com/luma?t=1',
        },
      }),
    );
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ url: `${base}/generations/video`, method: 'POST' });
    expect(calls[0]?.headers.authorization).toBe('Bearer luma-test-key');
    expect(calls[0]?.headers['content-type']).toBe('application/json');
    expect(calls[0]?.body).toEqual({
      model: 'ray-2',
      prompt: 'A serene lake surrounded by mountains at sunset',
      aspect_ratio: '16:9',
      resolution: '720p',
      duration: '5s',
      loop: true,
      concepts: [{ key: 'dolly_zoom' }],
      callback_url: 'https://hooks.example.com/luma?t=1',
    });
    expect(started.operation).toEqual(operation);
    expect(started.warnings).toEqual([]);
  });

  it('maps sizes to aspect ratio x resolution and 9 s to "9s" for ray-flash-2', async () => {
    const { model: luma, calls } = model(
      [{ status: 201, body: fixture('create') }],
      {},
      'ray-flash-2',
    );
    await luma.doStart(call({ width: 720, height: 1280, seconds: 9 }));
    expect(calls[0]?.body).toMatchObject({
      model: 'ray-flash-2',
      aspect_ratio: '9:16',
      resolution: '720p',
      duration: '9s',
    });
    const sizes = luma.capabilities.sizes;
    expect(sizes.kind === 'set' && sizes.values).toEqual(
      expect.arrayContaining([
        '960x540',
        '1920x1080',
        '3840x2160',
        '720x720',
        '1680x720',
        '720x960',
      ]),
    );
  });

  it('honours a base URL override (an emulator or proxy)', async () => {
    const { model: luma, calls } = model([{ status: 201, body: fixture('create') }], {
      baseURL: 'http://127.0.0.1:4010/',
    });
    await luma.doStart(call());
    expect(calls[0]?.url).toBe('http://127.0.0.1:4010/dream-machine/v1/generations/video');
  });

  it('rejects unknown and invalid provider_options naming the key', async () => {
    const { model: luma, calls } = model([]);
    await expect(luma.doStart(call({ providerOptions: { seed: 3 } }))).rejects.toMatchObject({
      param: 'provider_options.luma.seed',
      code: 'unknown_parameter',
    });
    await expect(luma.doStart(call({ providerOptions: { loop: 'yes' } }))).rejects.toBeInstanceOf(
      InvalidRequestError,
    );
    await expect(
      luma.doStart(call({ providerOptions: { callback_url: 'http://insecure.example.com' } })),
    ).rejects.toMatchObject({ param: 'provider_options.luma.callback_url' });
    expect(calls).toHaveLength(0);
  });

  it('refuses an input image and unknown sizes before calling Luma', async () => {
    const { model: luma, calls } = model([]);
    expect(luma.capabilities.imageInput).toBe(false);
    await expect(
      luma.doStart(call({ inputReference: { path: '/tmp/x.png', mediaType: 'image/png' } })),
    ).rejects.toMatchObject({ param: 'input_reference' });
    await expect(luma.doStart(call({ width: 1000, height: 1000 }))).rejects.toMatchObject({
      param: 'size',
    });
    expect(calls).toHaveLength(0);
  });

  it('turns 429 into a retryable error with the Retry-After hint and 500 into a retryable one', async () => {
    const limited = await model([
      { status: 429, body: fixture('429'), headers: { 'retry-after': '4' } },
    ])
      .model.doStart(call())
      .catch((error) => error);
    expect(limited).toMatchObject({
      retryable: true,
      code: 'provider_rate_limited',
      retryAfterMs: 4000,
    });
    const down = await model([{ status: 500, body: fixture('500') }])
      .model.doStart(call())
      .catch((error) => error);
    expect(down).toMatchObject({ retryable: true, code: 'provider_unavailable' });
  });

  it('turns 401 into a non-retryable error naming LUMAAI_API_KEY', async () => {
    const error = await model([{ status: 401, body: fixture('401') }])
      .model.doStart(call())
      .catch((caught) => caught);
    expect(error).toBeInstanceOf(ProviderApiError);
    expect(error).toMatchObject({ retryable: false, code: 'provider_auth_failed' });
    expect(error.message).toContain('LUMAAI_API_KEY');
    const missing = await model([], { apiKey: null })
      .model.doStart(call())
      .catch((caught) => caught);
    expect(missing.message).toContain('LUMAAI_API_KEY');
  });

  it('turns a moderation 400 on create into content_policy_violation on the prompt', async () => {
    const error = await model([{ status: 400, body: fixture('moderated-create') }])
      .model.doStart(call())
      .catch((caught) => caught);
    expect(error).toMatchObject({
      code: 'content_policy_violation',
      param: 'prompt',
      retryable: false,
    });
  });

  it('treats a malformed create answer as a retryable ProviderApiError', async () => {
    const error = await model([{ body: '{"id": 12' }])
      .model.doStart(call())
      .catch((caught) => caught);
    expect(error).toBeInstanceOf(ProviderApiError);
    expect(error).toMatchObject({ code: 'provider_bad_response', retryable: true });
  });
});

describe('luma doStatus', () => {
  it('GETs the generation with Bearer auth; queued and dreaming are pending', async () => {
    const { model: luma, calls } = model([
      { body: fixture('queued') },
      { body: fixture('dreaming') },
    ]);
    expect(await luma.doStatus({ operation })).toEqual({ status: 'pending', progress: 0 });
    expect(await luma.doStatus({ operation })).toEqual({ status: 'pending' });
    expect(calls[0]).toMatchObject({ url: `${base}/generations/${generationId}`, method: 'GET' });
    expect(calls[0]?.headers.authorization).toBe('Bearer luma-test-key');
  });

  it('maps completed to the video URL', async () => {
    const { model: luma } = model([{ body: fixture('completed') }]);
    expect(await luma.doStatus({ operation })).toEqual({
      status: 'completed',
      videos: [
        {
          variant: 'video',
          kind: 'url',
          url: 'https://storage.cdn-luma.com/dream_machine/d2b2c1e4/video.mp4',
          mediaType: 'video/mp4',
        },
      ],
      providerMetadata: { luma: { generationId } },
    });
  });

  it('fails no_output when completed has no video', async () => {
    const { model: luma } = model([{ body: fixture('completed-no-video') }]);
    expect(await luma.doStatus({ operation })).toMatchObject({
      status: 'failed',
      error: { code: 'no_output', retryable: false },
    });
  });

  it('maps failed to render_failed and a moderation reason to content_policy_violation', async () => {
    const { model: luma } = model([{ body: fixture('failed') }, { body: fixture('moderated') }]);
    expect(await luma.doStatus({ operation })).toMatchObject({
      status: 'failed',
      error: {
        code: 'render_failed',
        retryable: false,
        message: expect.stringContaining('internal error'),
      },
    });
    expect(await luma.doStatus({ operation })).toMatchObject({
      status: 'failed',
      error: { code: 'content_policy_violation', param: 'prompt', retryable: false },
    });
  });

  it('names the output or the image when the refusal says so', async () => {
    const refused = (reason: string) =>
      JSON.stringify({ ...JSON.parse(fixture('moderated')), failure_reason: reason });
    const { model: luma } = model([
      { body: refused('Generated video not allowed: it violates the content policy') },
      { body: refused('Keyframe image flagged by moderation') },
    ]);
    expect(await luma.doStatus({ operation })).toMatchObject({ error: { param: 'output' } });
    expect(await luma.doStatus({ operation })).toMatchObject({
      error: { param: 'input_reference' },
    });
  });

  it('throws retryable errors for 429 (with the hint), 500 and garbage: a missed check', async () => {
    const { model: luma } = model([
      { status: 429, body: fixture('429'), headers: { 'retry-after': '2' } },
      { status: 500, body: fixture('500') },
      { body: '<html>bad gateway</html>' },
    ]);
    await expect(luma.doStatus({ operation })).rejects.toMatchObject({
      retryable: true,
      retryAfterMs: 2000,
    });
    await expect(luma.doStatus({ operation })).rejects.toMatchObject({ retryable: true });
    await expect(luma.doStatus({ operation })).rejects.toMatchObject({
      code: 'provider_bad_response',
      retryable: true,
    });
  });

  it('401 on a status check is not retryable and names the env var', async () => {
    const { model: luma } = model([{ status: 401, body: fixture('401') }]);
    const error = await luma.doStatus({ operation }).catch((caught) => caught);
    expect(error).toMatchObject({ retryable: false });
    expect(error.message).toContain('LUMAAI_API_KEY');
  });

  it('past maxRenderMs deletes the generation and fails upstream_timeout', async () => {
    const { model: luma, calls } = model([{ status: 204 }], { now: () => 1_000_000 + 600_001 });
    expect(await luma.doStatus({ operation })).toMatchObject({
      status: 'failed',
      error: { code: 'upstream_timeout', retryable: false },
    });
    expect(calls).toEqual([
      expect.objectContaining({ url: `${base}/generations/${generationId}`, method: 'DELETE' }),
    ]);
  });

  it('rejects a stored operation that is not a Luma generation', async () => {
    const { model: luma } = model([]);
    await expect(luma.doStatus({ operation: { job: 1 } })).rejects.toMatchObject({
      code: 'invalid_operation',
      retryable: false,
    });
  });
});

describe('luma doCancel', () => {
  it('DELETEs the generation and treats 404 as done', async () => {
    const { model: luma, calls } = model([
      { status: 204 },
      { status: 404, body: '{"detail":"Generation not found"}' },
    ]);
    await luma.doCancel!({ operation });
    await luma.doCancel!({ operation });
    expect(calls.map((each) => `${each.method} ${each.url}`)).toEqual([
      `DELETE ${base}/generations/${generationId}`,
      `DELETE ${base}/generations/${generationId}`,
    ]);
    expect(calls[0]?.headers.authorization).toBe('Bearer luma-test-key');
  });
});

describe('lumaProvider', () => {
  it('lists both models and refuses others', () => {
    expect(lumaProvider.models.map((each) => each.modelId)).toEqual(['ray-2', 'ray-flash-2']);
    expect(credentialVariables(lumaProvider)).toEqual(['LUMAAI_API_KEY']);
    expect(() => model([], {}, 'ray-3')).toThrow(/no model/);
    const price = lumaProvider.models[0]?.capabilities.price;
    expect(price?.bySize?.['1280x720']).toBe(141_558);
    expect(price?.microUsdPerSecond).toBe(141_558);
  });
});
