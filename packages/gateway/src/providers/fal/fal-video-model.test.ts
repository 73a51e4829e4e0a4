import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidRequestError, ProviderApiError } from '@vgw/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderSettings } from '../provider-definition.js';
import { fixtureLoader } from '../../test-support/load-fixture.js';
import { answeringFetch, type ScriptedAnswer } from '../../test-support/recording-fetch.js';
import { falAppPath } from './fal-endpoint-id.js';
import { falModelsFor, falProvider } from './fal-provider.js';
import { providerTestSettings } from '../../test-support/provider-test-settings.js';
import { callOptionsFrom } from '../../test-support/video-call-options.js';

const fixture = fixtureLoader(import.meta.url);
const requestId = '024ca5b1-45d3-4afd-883e-ad3abe2a1c4d';
const queue = 'https://queue.fal.run';
const requestUrl = `${queue}/fal-ai/pika/requests/${requestId}`;
const textToVideo = 'fal-ai/pika/v2.2/text-to-video';
const imageToVideo = 'fal-ai/pika/v2.2/image-to-video';

type Answer = ScriptedAnswer;

function model(
  answers: Answer[],
  overrides: Partial<ProviderSettings> = {},
  modelId = textToVideo,
) {
  const { fetch, calls } = answeringFetch(answers);
  const settings: ProviderSettings = providerTestSettings({
    apiKey: 'fal-test-key',
    fetch,
    now: () => 1_000_000,
    ...overrides,
  });
  return { model: falProvider.createModel(modelId, settings), calls };
}

const call = callOptionsFrom({ prompt: 'A corgi surfing a wave at sunset', seed: 7 });

const operation = { requestId, endpointId: textToVideo, startedAt: 1_000_000 };
let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'vgw-fal-'));
  await writeFile(join(directory, 'first.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
});
afterAll(() => rm(directory, { recursive: true, force: true }));

describe('fal endpoint ids', () => {
  it('builds status paths from owner/alias only, like the official client', () => {
    expect(falAppPath(textToVideo)).toBe('fal-ai/pika');
    expect(falAppPath('fal-ai/kling-video/v2.1/pro/image-to-video')).toBe('fal-ai/kling-video');
    expect(falAppPath('workflows/acme/my-flow/run')).toBe('workflows/acme/my-flow');
  });
});

describe('fal doStart', () => {
  it('POSTs the Pika input to the queue with Key auth and stores the request id', async () => {
    const { model: fal, calls } = model([{ body: fixture('submit') }]);
    const started = await fal.doStart(call({ providerOptions: { negative_prompt: 'blurry' } }));
    expect(calls[0]).toMatchObject({ url: `${queue}/${textToVideo}`, method: 'POST' });
    expect(calls[0]?.headers.authorization).toBe('Key fal-test-key');
    expect(calls[0]?.headers['content-type']).toBe('application/json');
    expect(calls[0]?.body).toEqual({
      prompt: 'A corgi surfing a wave at sunset',
      negative_prompt: 'blurry',
      seed: 7,
      resolution: '720p',
      duration: '5',
      aspect_ratio: '16:9',
    });
    expect(started.operation).toEqual(operation);
    expect(started.warnings).toEqual([]);
  });

  it('keeps seed 0, maps 1080p portrait and 10 s, and adds a webhook', async () => {
    const { model: fal, calls } = model([{ body: fixture('submit') }]);
    await fal.doStart(
      call({
        seed: 0,
        width: 1080,
        height: 1920,
        seconds: 10,
        providerOptions: { webhook_url: 'https://hooks.example.com/fal?t=1' },
      }),
    );
    expect(calls[0]?.url).toBe(
      `${queue}/${textToVideo}?fal_webhook=${encodeURIComponent('https://hooks.example.com/fal?t=1')}`,
    );
    expect(calls[0]?.body).toMatchObject({
      seed: 0,
      resolution: '1080p',
      aspect_ratio: '9:16',
      duration: '10',
    });
  });

  it('sends the input image as a data: URL to image-to-video, without aspect_ratio', async () => {
    const { model: fal, calls } = model([{ body: fixture('submit') }], {}, imageToVideo);
    const started = await fal.doStart(
      call({ inputReference: { path: join(directory, 'first.png'), mediaType: 'image/png' } }),
    );
    expect(calls[0]?.url).toBe(`${queue}/${imageToVideo}`);
    expect(calls[0]?.body).toEqual({
      prompt: 'A corgi surfing a wave at sunset',
      seed: 7,
      image_url: 'data:image/png;base64,iVBORw==',
      resolution: '720p',
      duration: '5',
    });
    expect(started.operation).toMatchObject({ endpointId: imageToVideo });
    const missing = await fal.doStart(call()).catch((caught) => caught);
    expect(missing).toMatchObject({ param: 'input_reference' });
  });

  it('declares Pika capabilities and prices per size', () => {
    const [text, image] = falProvider.models;
    expect(text?.capabilities).toMatchObject({ seed: true, imageInput: false, defaultSeconds: 5 });
    expect(image?.capabilities.imageInput).toBe(true);
    expect(text?.capabilities.durations).toEqual({ kind: 'set', seconds: [5, 10] });
    expect(text?.capabilities.price.bySize?.['1920x1080']).toBe(90_000);
    expect(text?.capabilities.price.microUsdPerSecond).toBe(40_000);
    const sizes = text?.capabilities.sizes;
    expect(sizes?.kind === 'set' && sizes.values).toEqual(
      expect.arrayContaining(['1280x720', '720x900', '1080x720', '1080x1920', '1620x1080']),
    );
  });

  it('rejects unknown and invalid provider_options naming the key', async () => {
    const { model: fal, calls } = model([]);
    await expect(fal.doStart(call({ providerOptions: { loop: true } }))).rejects.toMatchObject({
      param: 'provider_options.fal.loop',
      code: 'unknown_parameter',
    });
    await expect(
      fal.doStart(call({ providerOptions: { negative_prompt: 3 } })),
    ).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(
      fal.doStart(call({ providerOptions: { input: { duration: '10' } } })),
    ).rejects.toMatchObject({ param: 'provider_options.fal.input.duration' });
    expect(calls).toHaveLength(0);
  });

  it('429 is retryable with Retry-After, 500 retryable, 401 names FAL_KEY, garbage is a ProviderApiError', async () => {
    const limited = await model([
      { status: 429, body: fixture('429'), headers: { 'retry-after': '3' } },
    ])
      .model.doStart(call())
      .catch((caught) => caught);
    expect(limited).toMatchObject({
      retryable: true,
      code: 'provider_rate_limited',
      retryAfterMs: 3000,
    });
    const down = await model([{ status: 500, body: fixture('500') }])
      .model.doStart(call())
      .catch((caught) => caught);
    expect(down).toMatchObject({ retryable: true, code: 'provider_unavailable' });
    const denied = await model([{ status: 401, body: fixture('401') }])
      .model.doStart(call())
      .catch((caught) => caught);
    expect(denied).toMatchObject({ retryable: false, code: 'provider_auth_failed' });
    expect(denied.message).toContain('FAL_KEY');
    const garbage = await model([{ body: '{"request_id":' }])
      .model.doStart(call())
      .catch((caught) => caught);
    expect(garbage).toBeInstanceOf(ProviderApiError);
    expect(garbage).toMatchObject({ code: 'provider_bad_response', retryable: true });
    const keyless = await model([], { apiKey: null })
      .model.doStart(call())
      .catch((caught) => caught);
    expect(keyless.message).toContain('FAL_KEY');
  });
});

describe('fal doStatus', () => {
  it('polls the owner/alias status URL; IN_QUEUE and IN_PROGRESS are pending', async () => {
    const { model: fal, calls } = model([
      { body: fixture('in-queue') },
      { body: fixture('in-progress') },
    ]);
    expect(await fal.doStatus({ operation })).toEqual({ status: 'pending', progress: 0 });
    expect(await fal.doStatus({ operation })).toEqual({ status: 'pending' });
    expect(calls[0]).toMatchObject({ url: `${requestUrl}/status?logs=0`, method: 'GET' });
    expect(calls[0]?.headers.authorization).toBe('Key fal-test-key');
  });

  it('on COMPLETED fetches the result and returns video.url', async () => {
    const { model: fal, calls } = model([
      { body: fixture('completed') },
      { body: fixture('result') },
    ]);
    expect(await fal.doStatus({ operation })).toEqual({
      status: 'completed',
      videos: [
        {
          variant: 'video',
          kind: 'url',
          url: 'https://v3.fal.media/files/penguin/abc123_output.mp4',
          mediaType: 'video/mp4',
        },
      ],
    });
    expect(calls[1]).toMatchObject({ url: requestUrl, method: 'GET' });
  });

  it('fails no_output when the result has no video', async () => {
    const { model: fal } = model([
      { body: fixture('completed') },
      { body: fixture('result-no-video') },
    ]);
    expect(await fal.doStatus({ operation })).toMatchObject({
      status: 'failed',
      error: { code: 'no_output' },
    });
  });

  it('stays pending while the result says it is still in progress', async () => {
    const { model: fal } = model([
      { body: fixture('completed') },
      { status: 400, body: fixture('result-still-in-progress') },
    ]);
    expect(await fal.doStatus({ operation })).toEqual({ status: 'pending' });
  });

  it('maps content checks to content_policy_violation naming the input', async () => {
    const { model: fal } = model([
      { body: fixture('completed-with-error') },
      { status: 422, body: fixture('moderated') },
      { body: fixture('completed-with-error') },
      { status: 422, body: fixture('moderated-image') },
    ]);
    expect(await fal.doStatus({ operation })).toMatchObject({
      status: 'failed',
      error: { code: 'content_policy_violation', param: 'prompt', retryable: false },
    });
    expect(await fal.doStatus({ operation })).toMatchObject({
      error: { code: 'content_policy_violation', param: 'input_reference' },
    });
  });

  it('maps validation and request errors to render_failed, retryable only on X-Fal-Retryable', async () => {
    const { model: fal } = model([
      { body: fixture('completed-with-error') },
      { status: 422, body: fixture('validation') },
      { body: fixture('completed-with-error') },
      { status: 503, body: fixture('result-failed'), headers: { 'x-fal-retryable': 'true' } },
    ]);
    expect(await fal.doStatus({ operation })).toMatchObject({
      status: 'failed',
      error: {
        code: 'render_failed',
        retryable: false,
        message: expect.stringContaining('body.duration'),
      },
    });
    expect(await fal.doStatus({ operation })).toMatchObject({
      status: 'failed',
      error: {
        code: 'render_failed',
        retryable: true,
        message: expect.stringContaining('runner_disconnected'),
      },
    });
  });

  it('a 5xx result for a request without an error is a missed check', async () => {
    const { model: fal } = model([
      { body: fixture('completed') },
      { status: 500, body: fixture('500') },
    ]);
    await expect(fal.doStatus({ operation })).rejects.toMatchObject({ retryable: true });
  });

  it('throws retryable errors for 429 (with the hint), 500 and garbage status answers', async () => {
    const { model: fal } = model([
      { status: 429, body: fixture('429'), headers: { 'retry-after': '2' } },
      { status: 500, body: fixture('500') },
      { body: '{"status": "IN_' },
      { status: 401, body: fixture('401') },
    ]);
    await expect(fal.doStatus({ operation })).rejects.toMatchObject({
      retryable: true,
      retryAfterMs: 2000,
    });
    await expect(fal.doStatus({ operation })).rejects.toMatchObject({ retryable: true });
    await expect(fal.doStatus({ operation })).rejects.toMatchObject({
      code: 'provider_bad_response',
    });
    await expect(fal.doStatus({ operation })).rejects.toMatchObject({
      retryable: false,
      message: expect.stringContaining('FAL_KEY'),
    });
  });

  it('past maxRenderMs cancels upstream and fails upstream_timeout', async () => {
    const { model: fal, calls } = model(
      [{ status: 202, body: '{"status":"CANCELLATION_REQUESTED"}' }],
      {
        now: () => 1_000_000 + 600_001,
      },
    );
    expect(await fal.doStatus({ operation })).toMatchObject({
      status: 'failed',
      error: { code: 'upstream_timeout', retryable: false },
    });
    expect(calls).toEqual([
      expect.objectContaining({ url: `${requestUrl}/cancel`, method: 'PUT' }),
    ]);
  });

  it('rejects an operation that is not a fal request', async () => {
    await expect(model([]).model.doStatus({ operation: { id: 'x' } })).rejects.toMatchObject({
      code: 'invalid_operation',
    });
  });
});

describe('fal doCancel and configured endpoints', () => {
  it('PUTs the cancel URL with Key auth and tolerates ALREADY_COMPLETED', async () => {
    const { model: fal, calls } = model([
      { status: 202, body: '{"status":"CANCELLATION_REQUESTED"}' },
      { status: 400, body: '{"status":"ALREADY_COMPLETED"}' },
    ]);
    await fal.doCancel!({ operation });
    await fal.doCancel!({ operation });
    expect(calls[0]).toMatchObject({ url: `${requestUrl}/cancel`, method: 'PUT' });
    expect(calls[0]?.headers.authorization).toBe('Key fal-test-key');
  });

  it('serves an endpoint from options.endpoints with permissive or given capabilities', async () => {
    const options = {
      endpoints: [
        { id: 'fal-ai/minimax/hailuo-02/standard/text-to-video' },
        {
          id: 'fal-ai/kling-video/v2.1/pro/image-to-video',
          capabilities: { durations: { kind: 'set', seconds: [5, 10] } },
        },
      ],
    };
    const ids = falModelsFor({ options }).map((each) => each.modelId);
    expect(falProvider.listModels).toBe(falModelsFor);
    expect(ids).toEqual([textToVideo, imageToVideo, ...options.endpoints.map((each) => each.id)]);
    const { model: fal, calls } = model(
      [{ body: fixture('submit') }],
      { options },
      options.endpoints[0]!.id,
    );
    expect(fal.capabilities.durations).toMatchObject({ kind: 'range' });
    const started = await fal.doStart(
      call({ providerOptions: { input: { duration: '6', prompt_optimizer: true } } }),
    );
    expect(calls[0]?.url).toBe(`${queue}/fal-ai/minimax/hailuo-02/standard/text-to-video`);
    expect(calls[0]?.body).toEqual({
      duration: '6',
      prompt_optimizer: true,
      prompt: 'A corgi surfing a wave at sunset',
      seed: 7,
    });
    expect(started.warnings).toHaveLength(1);
    expect(() => model([], {}, 'fal-ai/unknown/model')).toThrow(/no configured endpoint/);
    expect(() => model([], { options: { endpoints: [{ id: '../x' }] } })).toThrow(/endpoints/);
  });
});
