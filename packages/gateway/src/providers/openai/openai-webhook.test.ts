import { AuthenticationError, type VideoCallOptions } from '@vgw/spec';
import { afterEach, describe, expect, it } from 'vitest';
import { signStandardWebhook } from '../../provider-utils/standard-webhook.js';
import { testDatabaseKinds } from '../../testing/test-databases.js';
import { createTestGateway, type TestGateway } from '../../testing/test-gateway.js';
import type { ProviderSettings } from '../provider-definition.js';
import created from './__fixtures__/create.json' with { type: 'json' };
import { openaiProvider } from './openai-provider.js';
import { providerTestSettings } from '../../testing/provider-test-settings.js';
import { callOptionsFrom } from '../../testing/video-call-options.js';

const secret = `whsec_${Buffer.from('openai webhook test secret').toString('base64')}`;
const clockMs = 1_760_000_000_000;
const hookURL = 'https://vgw.example.com/v1/webhooks/openai';

function recordingFetch(sent: RequestInit[]): ProviderSettings['fetch'] {
  return async (_url, init = {}) => {
    sent.push(init);
    return new Response(JSON.stringify(created), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
}

function settings(overrides: Partial<ProviderSettings> = {}): ProviderSettings {
  return providerTestSettings({
    apiKey: 'sk-test',
    fetch: recordingFetch([]),
    now: () => clockMs,
    options: { webhookSecret: secret },
    ...overrides,
  });
}

const callOptions: VideoCallOptions = callOptionsFrom({
  prompt: 'A paper boat drifting down a rain-soaked street at dusk',
  seconds: 4,
  fps: 30,
})();

const event = (type: string, id: string = created.id) =>
  JSON.stringify({ id: 'evt_1', object: 'event', type, created_at: 1, data: { id } });

function signedRequest(body: string, options: { key?: string; atMs?: number } = {}) {
  const seconds = Math.floor((options.atMs ?? clockMs) / 1000);
  return new Request(hookURL, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...signStandardWebhook(options.key ?? secret, 'wh_1', seconds, body),
    },
    body,
  });
}

const parse = (request: Request, overrides: Partial<ProviderSettings> = {}) => {
  const model = openaiProvider.createModel('sora-2', settings(overrides));
  if (model.parseWebhook == null) throw new Error('openai has no parseWebhook');
  return model.parseWebhook(request);
};

describe('openai webhooks', () => {
  it('sends no per-request callback (webhooks are set per project)', async () => {
    const sent: RequestInit[] = [];
    const model = openaiProvider.createModel(
      'sora-2',
      settings({ fetch: recordingFetch(sent), webhookURL: hookURL }),
    );
    await model.doStart(callOptions);
    const form = sent[0]?.body as FormData;
    expect([...form.keys()].some((key) => key.includes('webhook'))).toBe(false);
  });

  it('names the video of a signed video.completed or video.failed event by videoId', async () => {
    for (const type of ['video.completed', 'video.failed']) {
      expect(await parse(signedRequest(event(type)))).toEqual({
        operationMatch: { videoId: created.id },
      });
    }
  });

  it('refuses a wrong signature, a stale timestamp, missing headers or no secret', async () => {
    const body = event('video.completed');
    const otherKey = `whsec_${Buffer.from('another secret').toString('base64')}`;
    await expect(parse(signedRequest(body, { key: otherKey }))).rejects.toThrow(
      AuthenticationError,
    );
    await expect(parse(signedRequest(body, { atMs: clockMs + 301_000 }))).rejects.toThrow(
      AuthenticationError,
    );
    const unsigned = new Request(hookURL, { method: 'POST', body });
    await expect(parse(unsigned)).rejects.toThrow(AuthenticationError);
    await expect(parse(signedRequest(body), { options: {} })).rejects.toThrow(
      /configure settings\.options\.webhookSecret/,
    );
  });

  it('answers null for garbage, other event types and ids that are not video ids', async () => {
    expect(await parse(signedRequest('{'))).toBeNull();
    expect(await parse(signedRequest(event('response.completed')))).toBeNull();
    expect(await parse(signedRequest(event('video.completed', '../etc')))).toBeNull();
  });
});

describe.each(testDatabaseKinds())('POST /v1/webhooks/openai on %s', (kind) => {
  let gateway: TestGateway;
  afterEach(async () => gateway.dispose());

  it('brings the matching render’s status check forward', async () => {
    const model = openaiProvider.createModel(
      'sora-2',
      settings({ now: () => Date.now(), webhookURL: hookURL }),
    );
    gateway = await createTestGateway(kind, [model]);
    const response = await gateway.app.request(
      '/v1/videos',
      gateway.authorized({
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ prompt: 'hooked' }),
      }),
    );
    const video = (await response.json()) as { id: string };
    await gateway.newWorker().runOnce();
    await gateway.test.database.query(
      `update videos set next_check_at = now() + interval '1 hour' where id = $1`,
      [video.id],
    );
    const body = event('video.completed');
    const headers = signStandardWebhook(secret, 'wh_2', Math.floor(Date.now() / 1000), body);
    const hooked = await gateway.app.request('/v1/webhooks/openai', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    expect(hooked.status).toBe(202);
    expect(await hooked.json()).toEqual({ received: true, videos: 1 });
  });
});
