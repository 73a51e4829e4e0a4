import { readFileSync } from 'node:fs';
import { InvalidRequestError, ProviderApiError } from '@vgw/spec';
import { describe, expect, it } from 'vitest';
import {
  jsonReply,
  routedFetch,
  type RecordedCall,
  type ScriptedReply,
} from '../../test-support/recording-fetch.js';
import { credentialVariables, type ProviderSettings } from '../provider-definition.js';
import template from './__fixtures__/workflow-template.json' with { type: 'json' };
import created from './__fixtures__/create.json' with { type: 'json' };
import historyEmpty from './__fixtures__/history-empty.json' with { type: 'json' };
import queueRunning from './__fixtures__/queue-running.json' with { type: 'json' };
import queuePending from './__fixtures__/queue-pending.json' with { type: 'json' };
import queueEmpty from './__fixtures__/queue-empty.json' with { type: 'json' };
import succeeded from './__fixtures__/succeeded.json' with { type: 'json' };
import succeededVhs from './__fixtures__/succeeded-vhs.json' with { type: 'json' };
import succeededNoVideo from './__fixtures__/succeeded-no-video.json' with { type: 'json' };
import failed from './__fixtures__/failed.json' with { type: 'json' };
import moderated from './__fixtures__/moderated.json' with { type: 'json' };
import interrupted from './__fixtures__/interrupted.json' with { type: 'json' };
import rejected from './__fixtures__/rejected.json' with { type: 'json' };
import throttled from './__fixtures__/429.json' with { type: 'json' };
import unauthorized from './__fixtures__/401.json' with { type: 'json' };
import { comfyuiProvider } from './comfyui-provider.js';
import { promptIdFor } from './comfyui-prompt.js';
import { providerTestSettings } from '../../test-support/provider-test-settings.js';
import { callOptionsFrom } from '../../test-support/video-call-options.js';

const serverError = readFileSync(new URL('./__fixtures__/500.txt', import.meta.url), 'utf8');
const promptId = 'c1a3d7e2-2b7a-4c1e-9d3f-6e5a4b3c2d1e';
const base = 'http://comfy.internal:8188';

/** A plain-text reply with no content type (ComfyUI's error page, an empty answer). */
const text =
  (body: string, status: number): ScriptedReply =>
  () =>
    new Response(body, { status });

function settings(
  fetch: ProviderSettings['fetch'],
  overrides: Partial<ProviderSettings> = {},
): ProviderSettings {
  return providerTestSettings({
    apiKey: null,
    baseURL: `${base}/`,
    fetch,
    now: () => 1_000_000,
    options: { workflow: template, placeholders: { negative: 'blurry' } },
    ...overrides,
  });
}

const callOptions = callOptionsFrom({
  prompt: 'a red fox running through "snow" {{seed}}',
  seconds: 4,
  width: 768,
  height: 512,
  seed: 42,
  idempotencyKey: 'start_1',
});

const operation = { promptId, clientId: 'client-1', startedAt: 1_000_000 };
const historyPath = `GET /history/${promptId}`;

async function status(
  routes: Record<string, ScriptedReply[]>,
  overrides: Partial<ProviderSettings> = {},
) {
  const { fetch, calls } = routedFetch(routes);
  const model = comfyuiProvider.createModel('workflow', settings(fetch, overrides));
  return { result: await model.doStatus({ operation }), calls };
}

describe('comfyui doStart', () => {
  const wanted = promptIdFor('start_1');
  const fresh = () => ({
    [`GET /history/${wanted}`]: [jsonReply(historyEmpty), jsonReply(historyEmpty)],
    'GET /queue': [jsonReply(queueEmpty)],
    'POST /prompt': [jsonReply(created)],
  });

  it('queues the template with every placeholder substituted', async () => {
    const { fetch, calls } = routedFetch(fresh());
    const model = comfyuiProvider.createModel('workflow', settings(fetch));
    const started = await model.doStart(callOptions());
    const post = calls.find((call) => call.method === 'POST') as RecordedCall;
    expect(post.url).toBe(`${base}/prompt`);
    expect(post.headers['content-type']).toBe('application/json');
    expect(post.headers.authorization).toBeUndefined();
    expect(post.body.client_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(post.body.prompt_id).toBe(wanted);
    const prompt = post.body.prompt;
    expect(prompt['6'].inputs).toEqual({
      text: 'a red fox running through "snow" {{seed}}, cinematic',
      clip: ['38', 0],
    });
    expect(prompt['7'].inputs.text).toBe('blurry');
    expect(prompt['40'].inputs).toEqual({ width: 768, height: 512, length: 96, batch_size: 1 });
    expect(prompt['3'].inputs.seed).toBe(42);
    expect(prompt['50'].inputs.filename_prefix).toBe('video/gw_4s_24fps');
    expect(prompt['6']._meta).toEqual({ title: 'Positive prompt' });
    expect(started.operation).toEqual({
      promptId,
      clientId: post.body.client_id,
      startedAt: 1_000_000,
    });
  });

  it('derives a stable seed when none is given, and sends the bearer key when set', async () => {
    const first = routedFetch(fresh());
    const second = routedFetch(fresh());
    const options = callOptions({ seed: null });
    await comfyuiProvider
      .createModel('workflow', settings(first.fetch, { apiKey: 'proxy-key' }))
      .doStart(options);
    await comfyuiProvider.createModel('workflow', settings(second.fetch)).doStart(options);
    const seedOf = (calls: RecordedCall[]) =>
      calls.find((call) => call.method === 'POST')?.body.prompt['3'].inputs.seed;
    expect(typeof seedOf(first.calls)).toBe('number');
    expect(seedOf(first.calls)).toBe(seedOf(second.calls));
    expect(first.calls.every((call) => call.headers.authorization === 'Bearer proxy-key')).toBe(
      true,
    );
  });

  it('returns the earlier prompt when a retried start finds it queued', async () => {
    const { fetch, calls } = routedFetch({
      [`GET /history/${wanted}`]: [jsonReply(historyEmpty)],
      'GET /queue': [
        jsonReply({ queue_running: [[1, wanted, {}, {}, ['50']]], queue_pending: [] }),
      ],
    });
    const started = await comfyuiProvider
      .createModel('workflow', settings(fetch))
      .doStart(callOptions());
    expect(started.operation).toMatchObject({ promptId: wanted });
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
  });

  it('names a placeholder nobody gave a value for, before any call', async () => {
    const { fetch, calls } = routedFetch({});
    const model = comfyuiProvider.createModel(
      'workflow',
      settings(fetch, { options: { workflow: template } }),
    );
    const error = await model.doStart(callOptions()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).param).toBe(
      'provider_options.comfyui.placeholders.negative',
    );
    expect(calls).toHaveLength(0);
  });

  it('takes custom placeholders from provider_options and rejects unknown keys', async () => {
    const { fetch, calls } = routedFetch(fresh());
    const model = comfyuiProvider.createModel('workflow', settings(fetch));
    await model.doStart(
      callOptions({ providerOptions: { placeholders: { negative: 'low quality' } } }),
    );
    expect(calls.find((call) => call.method === 'POST')?.body.prompt['7'].inputs.text).toBe(
      'low quality',
    );
    const error = await model
      .doStart(callOptions({ providerOptions: { workflow: {} } }))
      .catch((caught: unknown) => caught);
    expect((error as InvalidRequestError).param).toBe('provider_options.comfyui.workflow');
    const builtIn = await model
      .doStart(callOptions({ providerOptions: { placeholders: { seed: 1 } } }))
      .catch((caught: unknown) => caught);
    expect((builtIn as InvalidRequestError).param).toBe(
      'provider_options.comfyui.placeholders.seed',
    );
  });

  it('turns a 400 validation rejection into a clear non-retryable error', async () => {
    const { fetch } = routedFetch({ ...fresh(), 'POST /prompt': [jsonReply(rejected, 400)] });
    const error = (await comfyuiProvider
      .createModel('workflow', settings(fetch))
      .doStart(callOptions())
      .catch((caught: unknown) => caught)) as ProviderApiError;
    expect(error).toBeInstanceOf(ProviderApiError);
    expect(error.retryable).toBe(false);
    expect(error.code).toBe('invalid_workflow');
    expect(error.message).toContain('node 6 (CLIPTextEncode): Required input is missing: clip');
  });

  it('maps 429 (with Retry-After), 500 and 401 on create', async () => {
    const attempt = async (reply: ScriptedReply) => {
      const { fetch } = routedFetch({ ...fresh(), 'POST /prompt': [reply] });
      return (await comfyuiProvider
        .createModel('workflow', settings(fetch))
        .doStart(callOptions())
        .catch((caught: unknown) => caught)) as ProviderApiError;
    };
    expect(await attempt(jsonReply(throttled, 429, { 'retry-after': '2' }))).toMatchObject({
      retryable: true,
      retryAfterMs: 2000,
    });
    expect(await attempt(text(serverError, 500))).toMatchObject({ retryable: true });
    const auth = await attempt(jsonReply(unauthorized, 401));
    expect(auth.retryable).toBe(false);
    expect(auth.message).toContain('COMFYUI_BASE_URL');
  });

  it('fails non-retryably without a template or a base URL', async () => {
    const { fetch } = routedFetch({});
    const bare = comfyuiProvider.createModel('workflow', settings(fetch, { options: {} }));
    await expect(bare.doStart(callOptions())).rejects.toMatchObject({
      code: 'model_not_configured',
      retryable: false,
    });
    const noServer = comfyuiProvider.createModel('workflow', settings(fetch, { baseURL: null }));
    await expect(noServer.doStart(callOptions())).rejects.toThrow(/COMFYUI_BASE_URL/);
  });
});

describe('comfyui doStatus', () => {
  it('is pending while the prompt is running or queued', async () => {
    const running = await status({
      [historyPath]: [jsonReply(historyEmpty)],
      'GET /queue': [jsonReply(queueRunning)],
    });
    expect(running.result).toEqual({ status: 'pending' });
    expect(running.calls.map((call) => call.url)).toEqual([
      `${base}/history/${promptId}`,
      `${base}/queue`,
    ]);
    const queued = await status({
      [historyPath]: [jsonReply(historyEmpty)],
      'GET /queue': [jsonReply(queuePending)],
    });
    expect(queued.result).toEqual({ status: 'pending' });
  });

  it('completes with the /view URL of a SaveVideo output', async () => {
    const { result } = await status({ [historyPath]: [jsonReply(succeeded)] });
    expect(result).toMatchObject({
      status: 'completed',
      videos: [
        {
          variant: 'video',
          kind: 'url',
          url: `${base}/view?filename=gw_00001_.mp4&subfolder=video&type=output`,
          mediaType: 'video/mp4',
        },
      ],
    });
  });

  it('completes with a VideoHelperSuite gifs[] output, skipping preview images', async () => {
    const { result } = await status({ [historyPath]: [jsonReply(succeededVhs)] });
    expect(result).toMatchObject({
      videos: [{ url: `${base}/view?filename=AnimateDiff_00001.mp4&subfolder=&type=output` }],
    });
  });

  it('fails no_output when the run produced no video', async () => {
    const { result } = await status({ [historyPath]: [jsonReply(succeededNoVideo)] });
    expect(result).toMatchObject({
      status: 'failed',
      error: { code: 'no_output', retryable: false },
    });
  });

  it('fails with the node exception on error', async () => {
    const { result } = await status({ [historyPath]: [jsonReply(failed)] });
    expect(result).toEqual({
      status: 'failed',
      error: {
        code: 'render_failed',
        message: 'comfyui: node 3 (KSampler): CUDA out of memory. [torch.OutOfMemoryError]',
        retryable: false,
      },
    });
  });

  it('maps a safety-checker refusal to content_policy_violation on the prompt', async () => {
    const { result } = await status({ [historyPath]: [jsonReply(moderated)] });
    expect(result).toMatchObject({
      status: 'failed',
      error: { code: 'content_policy_violation', param: 'prompt' },
    });
  });

  it('maps an interrupted run to cancelled', async () => {
    const { result } = await status({ [historyPath]: [jsonReply(interrupted)] });
    expect(result).toMatchObject({ status: 'failed', error: { code: 'cancelled' } });
  });

  it('catches a run that finished between the history and queue reads', async () => {
    const { result } = await status({
      [historyPath]: [jsonReply(historyEmpty), jsonReply(succeeded)],
      'GET /queue': [jsonReply(queueEmpty)],
    });
    expect(result).toMatchObject({ status: 'completed' });
  });

  it('fails render_lost (retryable) when the server forgot the prompt', async () => {
    const { result } = await status({
      [historyPath]: [jsonReply(historyEmpty), jsonReply(historyEmpty)],
      'GET /queue': [jsonReply(queueEmpty)],
    });
    expect(result).toMatchObject({
      status: 'failed',
      error: { code: 'render_lost', retryable: true },
    });
  });

  it('throws retryable errors for 429, 500 and malformed JSON', async () => {
    await expect(
      status({ [historyPath]: [jsonReply(throttled, 429, { 'retry-after': '1' })] }),
    ).rejects.toMatchObject({
      retryable: true,
      retryAfterMs: 1000,
    });
    await expect(status({ [historyPath]: [text(serverError, 500)] })).rejects.toMatchObject({
      retryable: true,
    });
    await expect(status({ [historyPath]: [text('{"c1a3": <html>', 200)] })).rejects.toMatchObject({
      code: 'provider_bad_response',
      retryable: true,
    });
    await expect(
      status({ [historyPath]: [jsonReply({ [promptId]: { status: 'done' } })] }),
    ).rejects.toMatchObject({
      code: 'provider_bad_response',
    });
  });

  it('interrupts a running prompt and fails upstream_timeout past maxRenderMs', async () => {
    const { result, calls } = await status(
      { 'GET /queue': [jsonReply(queueRunning)], 'POST /interrupt': [text('', 200)] },
      { maxRenderMs: 10, now: () => 1_000_011 },
    );
    expect(result).toMatchObject({
      status: 'failed',
      error: { code: 'upstream_timeout', retryable: false },
    });
    expect(calls[1]).toMatchObject({
      url: `${base}/interrupt`,
      method: 'POST',
      body: { prompt_id: promptId },
    });
  });
});

describe('comfyui doCancel and definition', () => {
  it('deletes a queued prompt from the queue, and does nothing for a finished one', async () => {
    const queued = routedFetch({
      'GET /queue': [jsonReply(queuePending)],
      'POST /queue': [text('', 200)],
    });
    await comfyuiProvider.createModel('workflow', settings(queued.fetch)).doCancel?.({ operation });
    expect(queued.calls[1]).toMatchObject({
      url: `${base}/queue`,
      method: 'POST',
      body: { delete: [promptId] },
    });
    const finished = routedFetch({ 'GET /queue': [jsonReply(queueEmpty)] });
    await comfyuiProvider
      .createModel('workflow', settings(finished.fetch))
      .doCancel?.({ operation });
    expect(finished.calls).toHaveLength(1);
  });

  it('deletes the history entry on cleanup', async () => {
    const { fetch, calls } = routedFetch({ 'POST /history': [text('', 200)] });
    await comfyuiProvider.createModel('workflow', settings(fetch)).doCleanup?.({ operation });
    expect(calls[0]).toMatchObject({
      url: `${base}/history`,
      method: 'POST',
      body: { delete: [promptId] },
    });
  });

  it('is configured by a base URL and a workflow, and validates the template', () => {
    const { fetch } = routedFetch({});
    expect(credentialVariables(comfyuiProvider)).toEqual(['COMFYUI_BASE_URL']);
    expect(comfyuiProvider.isConfigured(settings(fetch))).toBe(true);
    expect(comfyuiProvider.isConfigured(settings(fetch, { baseURL: null }))).toBe(false);
    expect(comfyuiProvider.isConfigured(settings(fetch, { options: {} }))).toBe(false);
    expect(comfyuiProvider.models[0]?.capabilities.price.microUsdPerSecond).toBe(0);
    expect(() =>
      comfyuiProvider.createModel(
        'workflow',
        settings(fetch, { options: { workflow: { '1': { inputs: {} } } } }),
      ),
    ).toThrow(/options\.workflow\.1\.class_type/);
    expect(() => comfyuiProvider.createModel('other', settings(fetch))).toThrow(/no model "other"/);
  });
});
