import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidRequestError, PolicyViolationError, ProviderApiError } from '@vgw/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answeringFetch, type ScriptedAnswer } from '../../test-support/recording-fetch.js';
import { credentialVariables, type ProviderSettings } from '../provider-definition.js';
import { googleProvider } from './google-provider.js';
import create from './__fixtures__/create.json' with { type: 'json' };
import pending from './__fixtures__/pending.json' with { type: 'json' };
import running from './__fixtures__/running.json' with { type: 'json' };
import succeeded from './__fixtures__/succeeded.json' with { type: 'json' };
import failed from './__fixtures__/failed.json' with { type: 'json' };
import failedPolicy from './__fixtures__/failed-policy.json' with { type: 'json' };
import moderated from './__fixtures__/moderated.json' with { type: 'json' };
import moderatedImage from './__fixtures__/moderated-image.json' with { type: 'json' };
import noOutput from './__fixtures__/no-output.json' with { type: 'json' };
import rateLimited from './__fixtures__/429.json' with { type: 'json' };
import serverError from './__fixtures__/500.json' with { type: 'json' };
import unauthorized from './__fixtures__/401.json' with { type: 'json' };
import invalidKey from './__fixtures__/400-invalid-key.json' with { type: 'json' };
import policyRefusal from './__fixtures__/400-policy.json' with { type: 'json' };
import { providerTestSettings } from '../../test-support/provider-test-settings.js';
import { callOptionsFrom } from '../../test-support/video-call-options.js';

const startedAt = 1_800_000_000_000;

function settings(fetch: ProviderSettings['fetch'], overrides: Partial<ProviderSettings> = {}) {
  return providerTestSettings({
    apiKey: 'gemini-test-key',
    fetch,
    now: () => startedAt,
    ...overrides,
  });
}

const callOptions = callOptionsFrom({ prompt: 'a lighthouse in a storm', seconds: 4 });

const model = (fetch: ProviderSettings['fetch'], overrides: Partial<ProviderSettings> = {}) =>
  googleProvider.createModel('veo-3.0-fast-generate-001', settings(fetch, overrides));

const operation = {
  name: 'models/veo-3.0-fast-generate-001/operations/7xk2p9q1abcd',
  model: 'veo-3.0-fast-generate-001',
  startedAt,
};

async function statusOf(reply: ScriptedAnswer, overrides: Partial<ProviderSettings> = {}) {
  const { fetch, calls } = answeringFetch([reply]);
  const result = await model(fetch, overrides).doStatus({ operation });
  return { result, calls };
}

describe('google provider definition', () => {
  it('declares the Veo 3 models with data capabilities and names its env var', () => {
    expect(credentialVariables(googleProvider)).toEqual(['GEMINI_API_KEY']);
    expect(googleProvider.models.map((each) => each.modelId)).toEqual([
      'veo-3.1-generate-preview',
      'veo-3.1-fast-generate-preview',
      'veo-3.0-generate-001',
      'veo-3.0-fast-generate-001',
    ]);
    const fast = googleProvider.models.find((each) => each.modelId === 'veo-3.0-fast-generate-001');
    expect(fast?.capabilities).toMatchObject({
      durations: { kind: 'set', seconds: [4, 6, 8] },
      seed: false,
      audio: true,
      imageInput: true,
      price: { microUsdPerSecond: 150_000 },
    });
    expect(googleProvider.isConfigured(settings(fetch, { apiKey: null }))).toBe(false);
    expect(() => googleProvider.createModel('veo-9', settings(fetch))).toThrow(/no model/);
  });
});

describe('GoogleVideoModel.doStart', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'vgw-google-'));
  });
  afterAll(async () => rm(directory, { recursive: true, force: true }));

  it('posts predictLongRunning with the key header and the documented body', async () => {
    const { fetch, calls } = answeringFetch([{ body: create }]);
    const started = await model(fetch).doStart(
      callOptions({ providerOptions: { negativePrompt: 'blur', personGeneration: 'dont_allow' } }),
    );
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.url).toBe(
      'https://generativelanguage.googleapis.com/v1beta/models/veo-3.0-fast-generate-001:predictLongRunning',
    );
    expect(call?.method).toBe('POST');
    expect(call?.headers['x-goog-api-key']).toBe('gemini-test-key');
    expect(call?.headers['content-type']).toBe('application/json');
    expect(call?.headers.authorization).toBeUndefined();
    expect(call?.body).toEqual({
      instances: [{ prompt: 'a lighthouse in a storm' }],
      parameters: {
        aspectRatio: '16:9',
        resolution: '720p',
        durationSeconds: 4,
        sampleCount: 1,
        negativePrompt: 'blur',
        personGeneration: 'dont_allow',
      },
    });
    expect(started.operation).toEqual(operation);
    expect(started.warnings).toEqual([]);
  });

  it('sends a portrait 1080p render with the input image as inline base64', async () => {
    const image = join(directory, 'frame.png');
    await writeFile(image, Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const { fetch, calls } = answeringFetch([{ body: create }]);
    await model(fetch, { baseURL: 'http://127.0.0.1:9999/' }).doStart(
      callOptions({
        width: 1080,
        height: 1920,
        seconds: 8,
        inputReference: { path: image, mediaType: 'image/png' },
      }),
    );
    expect(calls[0]?.url).toBe(
      'http://127.0.0.1:9999/v1beta/models/veo-3.0-fast-generate-001:predictLongRunning',
    );
    expect(calls[0]?.body.instances[0].image).toEqual({
      bytesBase64Encoded: 'iVBORw==',
      mimeType: 'image/png',
    });
    expect(calls[0]?.body.parameters).toMatchObject({ aspectRatio: '9:16', resolution: '1080p' });
  });

  it('refuses 1080p at lengths other than 8 s before calling Google', async () => {
    const { fetch, calls } = answeringFetch([]);
    const start = model(fetch).doStart(callOptions({ width: 1920, height: 1080, seconds: 4 }));
    await expect(start).rejects.toMatchObject({ param: 'seconds' });
    expect(calls).toHaveLength(0);
  });

  it('rejects unknown and invalid provider_options naming the key', async () => {
    const { fetch } = answeringFetch([]);
    const unknown = model(fetch).doStart(callOptions({ providerOptions: { seed: 3 } }));
    await expect(unknown).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(unknown).rejects.toMatchObject({ param: 'provider_options.google.seed' });
    const invalid = model(fetch).doStart(
      callOptions({ providerOptions: { personGeneration: 'everyone' } }),
    );
    await expect(invalid).rejects.toMatchObject({
      param: 'provider_options.google.personGeneration',
    });
  });

  it('maps 429 to retryable with Retry-After, 500 to retryable', async () => {
    const limited = answeringFetch([
      { status: 429, body: rateLimited, headers: { 'retry-after': '7' } },
    ]);
    const error = await model(limited.fetch)
      .doStart(callOptions())
      .catch((caught) => caught);
    expect(error).toBeInstanceOf(ProviderApiError);
    expect(error).toMatchObject({
      retryable: true,
      retryAfterMs: 7000,
      code: 'provider_rate_limited',
    });
    const broken = answeringFetch([{ status: 500, body: serverError }]);
    const failure = await model(broken.fetch)
      .doStart(callOptions())
      .catch((caught) => caught);
    expect(failure).toMatchObject({ retryable: true, code: 'provider_unavailable' });
  });

  it('maps 401 and a 400 API_KEY_INVALID to non-retryable errors naming GEMINI_API_KEY', async () => {
    for (const reply of [
      { status: 401, body: unauthorized },
      { status: 400, body: invalidKey },
    ]) {
      const { fetch } = answeringFetch([reply]);
      const error = await model(fetch)
        .doStart(callOptions())
        .catch((caught) => caught);
      expect(error).toBeInstanceOf(ProviderApiError);
      expect(error).toMatchObject({ retryable: false, code: 'provider_auth_failed' });
      expect(error.message).toContain('GEMINI_API_KEY');
    }
    const missing = answeringFetch([]);
    const error = await model(missing.fetch, { apiKey: null })
      .doStart(callOptions())
      .catch((caught) => caught);
    expect(error).toMatchObject({ retryable: false, code: 'provider_auth_failed' });
    expect(error.message).toContain('GEMINI_API_KEY');
    expect(missing.calls).toHaveLength(0);
  });

  it('turns a 400 policy refusal into content_policy_violation on the prompt', async () => {
    const { fetch } = answeringFetch([{ status: 400, body: policyRefusal }]);
    const error = await model(fetch)
      .doStart(callOptions())
      .catch((caught) => caught);
    expect(error).toBeInstanceOf(PolicyViolationError);
    expect(error).toMatchObject({ code: 'content_policy_violation', param: 'prompt' });
  });

  it('treats malformed JSON and a nameless operation as a retryable bad response', async () => {
    for (const body of ['{not json', { done: false }, { name: '../../etc/passwd' }]) {
      const { fetch } = answeringFetch([{ body }]);
      const error = await model(fetch)
        .doStart(callOptions())
        .catch((caught) => caught);
      expect(error).toBeInstanceOf(ProviderApiError);
      expect(error).toMatchObject({ code: 'provider_bad_response', retryable: true });
    }
  });
});

describe('GoogleVideoModel.doStatus', () => {
  it('polls GET /v1beta/{name} with the key header; no done is pending', async () => {
    const { result, calls } = await statusOf({ body: pending });
    expect(calls[0]?.url).toBe(
      'https://generativelanguage.googleapis.com/v1beta/models/veo-3.0-fast-generate-001/operations/7xk2p9q1abcd',
    );
    expect(calls[0]?.method).toBe('GET');
    expect(calls[0]?.headers['x-goog-api-key']).toBe('gemini-test-key');
    expect(result).toEqual({ status: 'pending' });
    expect((await statusOf({ body: running })).result).toEqual({ status: 'pending' });
  });

  it('completes with the Files-API uri, keyed only on the API origin', async () => {
    const { result } = await statusOf({ body: succeeded });
    expect(result).toEqual({
      status: 'completed',
      videos: [
        {
          variant: 'video',
          kind: 'url',
          url: 'https://generativelanguage.googleapis.com/v1beta/files/abc123:download?alt=media&key=gemini-test-key',
          mediaType: 'video/mp4',
        },
      ],
      providerMetadata: { google: { operationName: operation.name } },
    });
    const foreign = structuredClone(succeeded);
    foreign.response.generateVideoResponse.generatedSamples[0]!.video.uri =
      'https://storage.example.com/video.mp4';
    const other = await statusOf({ body: foreign });
    expect(other.result).toMatchObject({
      videos: [{ url: 'https://storage.example.com/video.mp4' }],
    });
  });

  it('maps operation errors: internal is retryable render_failed, policy names the prompt', async () => {
    expect((await statusOf({ body: failed })).result).toEqual({
      status: 'failed',
      error: {
        code: 'render_failed',
        message: 'Veo: Video generation failed due to an internal error. (INTERNAL)',
        retryable: true,
      },
    });
    expect((await statusOf({ body: failedPolicy })).result).toMatchObject({
      status: 'failed',
      error: { code: 'content_policy_violation', param: 'prompt', retryable: false },
    });
    const invalid = { ...failed, error: { code: 3, message: 'bad durationSeconds' } };
    expect((await statusOf({ body: invalid })).result).toMatchObject({
      error: {
        code: 'render_failed',
        retryable: false,
        message: expect.stringContaining('INVALID_ARGUMENT'),
      },
    });
    const cancelled = { ...failed, error: { code: 1, message: 'Operation cancelled.' } };
    expect((await statusOf({ body: cancelled })).result).toMatchObject({
      error: { code: 'cancelled', retryable: false },
    });
  });

  it('maps filtered media to content_policy_violation on output or input_reference', async () => {
    expect((await statusOf({ body: moderated })).result).toEqual({
      status: 'failed',
      error: {
        code: 'content_policy_violation',
        message:
          'Veo filtered 1 video(s) for safety: The video could not be generated because it may violate our policies.',
        retryable: false,
        param: 'output',
      },
    });
    expect((await statusOf({ body: moderatedImage })).result).toMatchObject({
      error: { code: 'content_policy_violation', param: 'input_reference' },
    });
  });

  it('fails no_output when done without a video or with an unusable uri', async () => {
    expect((await statusOf({ body: noOutput })).result).toMatchObject({
      status: 'failed',
      error: { code: 'no_output', retryable: false },
    });
    const bad = structuredClone(succeeded);
    bad.response.generateVideoResponse.generatedSamples[0]!.video.uri = 'not a url';
    expect((await statusOf({ body: bad })).result).toMatchObject({ error: { code: 'no_output' } });
  });

  it('throws retryable errors for 429 (with Retry-After), 500 and garbage; 401 is final', async () => {
    const limited = answeringFetch([
      { status: 429, body: rateLimited, headers: { 'retry-after': '3' } },
    ]);
    await expect(model(limited.fetch).doStatus({ operation })).rejects.toMatchObject({
      retryable: true,
      retryAfterMs: 3000,
    });
    const broken = answeringFetch([{ status: 500, body: serverError }]);
    await expect(model(broken.fetch).doStatus({ operation })).rejects.toMatchObject({
      retryable: true,
    });
    const garbage = answeringFetch([{ body: '<html>oops' }]);
    await expect(model(garbage.fetch).doStatus({ operation })).rejects.toMatchObject({
      code: 'provider_bad_response',
      retryable: true,
    });
    const denied = answeringFetch([{ status: 401, body: unauthorized }]);
    const error = await model(denied.fetch)
      .doStatus({ operation })
      .catch((caught) => caught);
    expect(error).toMatchObject({ retryable: false, code: 'provider_auth_failed' });
    expect(error.message).toContain('GEMINI_API_KEY');
  });

  it('fails upstream_timeout past maxRenderMs without calling Google', async () => {
    const { fetch, calls } = answeringFetch([]);
    const late = model(fetch, { now: () => startedAt + 600_001 });
    expect(await late.doStatus({ operation })).toMatchObject({
      status: 'failed',
      error: { code: 'upstream_timeout', retryable: false },
    });
    expect(calls).toHaveLength(0);
    expect(late.doCancel).toBeUndefined();
  });

  it('refuses a stored operation that is not a Veo operation', async () => {
    const { fetch } = answeringFetch([]);
    await expect(
      model(fetch).doStatus({ operation: { ...operation, name: 'https://evil.example/x' } }),
    ).rejects.toMatchObject({ code: 'invalid_operation', retryable: false });
  });
});
