import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  InvalidRequestError,
  NotFoundError,
  PolicyViolationError,
  ProviderApiError,
  type VideoModelV1,
} from '@vgw/spec';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { credentialVariables, type ProviderSettings } from '../provider-definition.js';
import { openaiProvider } from './openai-provider.js';
import { apiRootOf } from './openai-settings.js';
import created from './__fixtures__/create.json' with { type: 'json' };
import failed from './__fixtures__/failed.json' with { type: 'json' };
import moderatedCreate from './__fixtures__/moderated-create.json' with { type: 'json' };
import moderated from './__fixtures__/moderated.json' with { type: 'json' };
import pending from './__fixtures__/pending.json' with { type: 'json' };
import running from './__fixtures__/running.json' with { type: 'json' };
import succeeded from './__fixtures__/succeeded.json' with { type: 'json' };
import rateLimited from './__fixtures__/429.json' with { type: 'json' };
import serverError from './__fixtures__/500.json' with { type: 'json' };
import unauthorized from './__fixtures__/401.json' with { type: 'json' };
import { providerTestSettings } from '../../test-support/provider-test-settings.js';
import { callOptionsFrom } from '../../test-support/video-call-options.js';

interface Call {
  url: string;
  init: RequestInit;
}
type Handler = (call: Call) => Response | Promise<Response>;

const videoId = created.id;
const videoBytes = Buffer.from('....ftypisom fake mp4 bytes');
const thumbnailBytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2]);

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

let downloadDir: string;
let calls: Call[];
let handlers: Handler[];
let clock: number;

function settings(overrides: Partial<ProviderSettings> = {}): ProviderSettings {
  return providerTestSettings({
    apiKey: 'sk-test',
    fetch: async (url, init = {}) => {
      const call = { url, init };
      calls.push(call);
      const handler = handlers.shift();
      if (handler == null) throw new Error(`unexpected request ${url}`);
      return handler(call);
    },
    now: () => clock,
    options: { downloadDir },
    ...overrides,
  });
}

function model(overrides: Partial<ProviderSettings> = {}, modelId = 'sora-2'): VideoModelV1 {
  return openaiProvider.createModel(modelId, settings(overrides));
}

const callOptions = callOptionsFrom({
  prompt: 'A paper boat drifting down a rain-soaked street at dusk',
  seconds: 4,
  fps: 30,
});

const operation = { videoId, model: 'sora-2', upstreamModel: 'sora-2', startedAt: 1_000 };

function header(call: Call | undefined, name: string): string | null {
  return new Headers(call?.init.headers).get(name);
}

async function rejection(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

beforeEach(async () => {
  downloadDir = await mkdtemp(join(tmpdir(), 'vgw-openai-test-'));
  calls = [];
  handlers = [];
  clock = 2_000;
});

afterEach(async () => {
  await rm(downloadDir, { recursive: true, force: true });
});

describe('openai doStart', () => {
  it('posts multipart form fields with the bearer key and stores the operation', async () => {
    handlers.push(() => json(created));
    const result = await model().doStart(callOptions());
    const call = calls[0];
    expect(call?.url).toBe('https://api.openai.com/v1/videos');
    expect(call?.init.method).toBe('POST');
    expect(header(call, 'authorization')).toBe('Bearer sk-test');
    // fetch sets the multipart boundary itself; a JSON content type would break the upload.
    expect(header(call, 'content-type')).toBeNull();
    expect(header(call, 'idempotency-key')).toBeNull();
    const form = call?.init.body as FormData;
    expect(form).toBeInstanceOf(FormData);
    expect(Object.fromEntries(form.entries())).toEqual({
      prompt: 'A paper boat drifting down a rain-soaked street at dusk',
      model: 'sora-2',
      seconds: '4',
      size: '1280x720',
    });
    expect(result.operation).toEqual({
      videoId,
      model: 'sora-2',
      upstreamModel: 'sora-2',
      startedAt: 2_000,
    });
    expect(result.warnings).toEqual([]);
    expect(result.providerMetadata).toEqual({ openai: { videoId } });
  });

  it('uploads input_reference as a file part read from disk', async () => {
    const imagePath = join(downloadDir, 'first-frame.png');
    const imageBytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 9, 8, 7]);
    await writeFile(imagePath, imageBytes);
    handlers.push(() => json(created));
    await model().doStart(
      callOptions({ inputReference: { path: imagePath, mediaType: 'image/png' } }),
    );
    const part = (calls[0]?.init.body as FormData).get('input_reference') as File;
    expect(part).toBeInstanceOf(Blob);
    expect(part.name).toBe('input_reference.png');
    expect(part.type).toBe('image/png');
    expect(Buffer.from(await part.arrayBuffer())).toEqual(imageBytes);
  });

  it('sends a pinned snapshot as the model and validates provider_options', async () => {
    handlers.push(() => json({ ...created, model: 'sora-2-2025-12-08' }));
    const result = await model().doStart(
      callOptions({ providerOptions: { snapshot: 'sora-2-2025-12-08' } }),
    );
    expect((calls[0]?.init.body as FormData).get('model')).toBe('sora-2-2025-12-08');
    expect(result.operation).toMatchObject({ model: 'sora-2', upstreamModel: 'sora-2-2025-12-08' });

    const unknown = await rejection(
      model().doStart(callOptions({ providerOptions: { quality: 'max' } })),
    );
    expect(unknown).toBeInstanceOf(InvalidRequestError);
    expect(unknown.param).toBe('provider_options.openai.quality');
    const wrongFamily = await rejection(
      model().doStart(callOptions({ providerOptions: { snapshot: 'sora-2-pro-2025-10-06' } })),
    );
    expect(wrongFamily.param).toBe('provider_options.openai.snapshot');
    expect(calls).toHaveLength(1);
  });

  it('honours baseURL for compatible upstreams, adding /v1 to a bare origin', async () => {
    expect(apiRootOf('http://127.0.0.1:4010')).toBe('http://127.0.0.1:4010/v1');
    expect(apiRootOf('https://proxy.example/openai/v1/')).toBe('https://proxy.example/openai/v1');
    handlers.push(() => json(created));
    await model({ baseURL: 'https://proxy.example/openai/v1' }).doStart(callOptions());
    expect(calls[0]?.url).toBe('https://proxy.example/openai/v1/videos');
  });

  it('maps a moderation 400 to content_policy_violation naming the input', async () => {
    handlers.push(() => json(moderatedCreate, 400));
    const error = await rejection(model().doStart(callOptions()));
    expect(error).toBeInstanceOf(PolicyViolationError);
    expect(error).toMatchObject({ code: 'content_policy_violation', param: 'prompt' });
    expect(error.retryable).toBe(false);
  });

  it('makes 429 retryable with Retry-After, 500 retryable, 401 final naming the env var', async () => {
    handlers.push(() => json(rateLimited, 429, { 'retry-after': '20' }));
    const limited = await rejection(model().doStart(callOptions()));
    expect(limited).toBeInstanceOf(ProviderApiError);
    expect(limited).toMatchObject({ retryable: true, retryAfterMs: 20_000 });

    handlers.push(() => json(serverError, 500));
    expect(await rejection(model().doStart(callOptions()))).toMatchObject({ retryable: true });

    handlers.push(() => json(unauthorized, 401));
    const denied = await rejection(model().doStart(callOptions()));
    expect(denied).toMatchObject({ retryable: false, code: 'provider_auth_failed' });
    expect(denied.message).toContain('OPENAI_API_KEY');
  });

  it('refuses to start without a key and says which variable to set', async () => {
    const error = await rejection(model({ apiKey: null }).doStart(callOptions()));
    expect(error).toMatchObject({ retryable: false });
    expect(error.message).toContain('OPENAI_API_KEY');
    expect(calls).toHaveLength(0);
    expect(openaiProvider.isConfigured(settings({ apiKey: null }))).toBe(false);
    expect(openaiProvider.isConfigured(settings())).toBe(true);
  });
});

describe('openai doStatus', () => {
  it('polls with the key and maps queued and in_progress to pending with progress', async () => {
    handlers.push(
      () => json(pending),
      () => json(running),
    );
    expect(await model().doStatus({ operation })).toEqual({ status: 'pending', progress: 0 });
    expect(await model().doStatus({ operation })).toEqual({ status: 'pending', progress: 33 });
    expect(calls[0]?.url).toBe(`https://api.openai.com/v1/videos/${videoId}`);
    expect(calls[0]?.init.method).toBe('GET');
    expect(header(calls[0], 'authorization')).toBe('Bearer sk-test');
  });

  it('downloads the video and thumbnail with the key into local files', async () => {
    handlers.push(
      () => json(succeeded),
      () => new Response(videoBytes, { headers: { 'content-type': 'video/mp4' } }),
      () => new Response(thumbnailBytes, { headers: { 'content-type': 'image/webp' } }),
    );
    const result = await model().doStatus({ operation });
    expect(calls[1]?.url).toBe(`https://api.openai.com/v1/videos/${videoId}/content?variant=video`);
    expect(header(calls[1], 'authorization')).toBe('Bearer sk-test');
    expect(header(calls[1], 'accept')).toBe('application/binary');
    expect(calls[2]?.url).toContain('/content?variant=thumbnail');
    expect(result).toEqual({
      status: 'completed',
      videos: [
        {
          variant: 'video',
          kind: 'file',
          path: join(downloadDir, `${videoId}.video.mp4`),
          mediaType: 'video/mp4',
        },
        {
          variant: 'thumbnail',
          kind: 'file',
          path: join(downloadDir, `${videoId}.thumbnail.webp`),
          mediaType: 'image/webp',
        },
      ],
      providerMetadata: { openai: { videoId, model: 'sora-2', expiresAt: 1759028001 } },
    });
    expect(await readFile(join(downloadDir, `${videoId}.video.mp4`))).toEqual(videoBytes);
  });

  it('completes without a thumbnail when OpenAI has none', async () => {
    handlers.push(
      () => json(succeeded),
      () => new Response(videoBytes),
      () => json({ error: { message: 'not found', type: 'invalid_request_error' } }, 404),
    );
    const result = await model().doStatus({ operation });
    expect(result.status === 'completed' && result.videos.map((file) => file.variant)).toEqual([
      'video',
    ]);
  });

  it('fails no_output when a completed video has no content', async () => {
    handlers.push(
      () => json(succeeded),
      () =>
        json({ error: { message: 'Video content not found', type: 'invalid_request_error' } }, 404),
    );
    expect(await model().doStatus({ operation })).toMatchObject({
      status: 'failed',
      error: { code: 'no_output', retryable: false },
    });
  });

  it('makes a failing download a retryable missed check', async () => {
    handlers.push(
      () => json(succeeded),
      () => json(serverError, 503, { 'retry-after': '3' }),
    );
    const error = await rejection(model().doStatus({ operation }));
    expect(error).toMatchObject({ retryable: true, retryAfterMs: 3_000 });
  });

  it('keeps the key on same-origin redirects and refuses the metadata address', async () => {
    handlers.push(
      () => json(succeeded),
      () => new Response(null, { status: 302, headers: { location: '/v1/files/abc/raw' } }),
      () => new Response(videoBytes),
      () => json({}, 404),
    );
    const result = await model().doStatus({ operation });
    expect(result.status).toBe('completed');
    expect(calls[2]?.url).toBe('https://api.openai.com/v1/files/abc/raw');
    expect(header(calls[2], 'authorization')).toBe('Bearer sk-test');

    calls = [];
    handlers.push(
      () => json(succeeded),
      () =>
        new Response(null, {
          status: 302,
          headers: { location: 'http://169.254.169.254/latest/meta-data/video.mp4' },
        }),
    );
    const error = await rejection(model().doStatus({ operation }));
    expect(error).toMatchObject({ code: 'unsafe_url', retryable: false });
    expect(calls).toHaveLength(2);
  });

  it('maps failed to render_failed and moderation to content_policy_violation', async () => {
    handlers.push(
      () => json(failed),
      () => json(moderated),
    );
    expect(await model().doStatus({ operation })).toEqual({
      status: 'failed',
      error: {
        code: 'render_failed',
        message:
          'OpenAI render failed (video_generation_failed): Video generation failed. Please try again.',
        retryable: false,
      },
    });
    expect(await model().doStatus({ operation })).toMatchObject({
      status: 'failed',
      error: { code: 'content_policy_violation', retryable: false },
    });
  });

  it('throws retryable errors for 429, 500 and malformed JSON, final for 401', async () => {
    handlers.push(
      () => json(rateLimited, 429, { 'retry-after': '7' }),
      () => json(serverError, 500),
      () => new Response('{"id": "video_', { headers: { 'content-type': 'application/json' } }),
      () => json(unauthorized, 401),
    );
    expect(await rejection(model().doStatus({ operation }))).toMatchObject({
      retryable: true,
      retryAfterMs: 7_000,
    });
    expect(await rejection(model().doStatus({ operation }))).toMatchObject({ retryable: true });
    const garbage = await rejection(model().doStatus({ operation }));
    expect(garbage).toBeInstanceOf(ProviderApiError);
    expect(garbage).toMatchObject({ code: 'provider_bad_response', retryable: true });
    const denied = await rejection(model().doStatus({ operation }));
    expect(denied).toMatchObject({ retryable: false });
    expect(denied.message).toContain('OPENAI_API_KEY');
  });

  it('fails upstream_timeout past maxRenderMs, even when checks keep failing', async () => {
    clock = 1_000 + 600_001;
    handlers.push(
      () => json(running),
      () => new Response('not json', { status: 200 }),
    );
    const slow = await model().doStatus({ operation });
    expect(slow).toMatchObject({ status: 'failed', error: { code: 'upstream_timeout' } });
    const garbage = await model().doStatus({ operation });
    expect(garbage).toMatchObject({ status: 'failed', error: { code: 'upstream_timeout' } });
    expect(garbage.status === 'failed' && garbage.error.message).toContain('last check failed');
  });

  it('rejects an operation that is not its own', async () => {
    const error = await rejection(model().doStatus({ operation: { id: 'x' } }));
    expect(error).toMatchObject({ code: 'invalid_operation', retryable: false });
  });

  it('has no doCancel, because OpenAI has no cancel endpoint', () => {
    expect(model().doCancel).toBeUndefined();
  });
});

describe('openaiProvider', () => {
  it('declares sora-2 and sora-2-pro with per-size pro prices', () => {
    expect(credentialVariables(openaiProvider)).toEqual(['OPENAI_API_KEY']);
    expect(openaiProvider.defaultBaseURL).toBe('https://api.openai.com/v1');
    const [sora, pro] = openaiProvider.models;
    expect(sora?.modelId).toBe('sora-2');
    expect(sora?.capabilities.durations).toEqual({ kind: 'set', seconds: [4, 8, 12] });
    expect(sora?.capabilities.price.microUsdPerSecond).toBe(100_000);
    expect(pro?.capabilities.price.bySize?.['1792x1024']).toBe(500_000);
    expect(() => openaiProvider.createModel('sora-9', settings())).toThrow(NotFoundError);
  });
});
