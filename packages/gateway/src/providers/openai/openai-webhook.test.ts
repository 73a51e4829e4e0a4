import type { VideoCallOptions } from '@vgw/spec';
import { afterEach, describe, expect, it } from 'vitest';
import {
  expectSignatureRefusals,
  expectWebhookBringsCheckForward,
  signedWebhookRequest,
  webhookSecret,
} from '../../test-support/signed-webhook.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { createTestGateway, type TestGateway } from '../../test-support/test-gateway.js';
import type { ProviderSettings } from '../provider-definition.js';
import created from './__fixtures__/create.json' with { type: 'json' };
import { openaiProvider } from './openai-provider.js';
import { providerTestSettings } from '../../test-support/provider-test-settings.js';
import { callOptionsFrom } from '../../test-support/video-call-options.js';

const secret = webhookSecret('openai webhook test secret');
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

const signedRequest = (body: string, options: { key?: string; atMs?: number } = {}) =>
  signedWebhookRequest(hookURL, body, {
    secret: options.key ?? secret,
    webhookId: 'wh_1',
    atMs: options.atMs ?? clockMs,
  });

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
        deliveryId: 'wh_1',
      });
    }
  });

  it('refuses a wrong signature, a stale timestamp, missing headers or no secret', async () => {
    await expectSignatureRefusals({
      parse,
      sign: signedRequest,
      url: hookURL,
      body: event('video.completed'),
      staleAtMs: clockMs + 301_000,
    });
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
    await expectWebhookBringsCheckForward(gateway, {
      provider: 'openai',
      body: event('video.completed'),
      secret,
      webhookId: 'wh_2',
    });
  });
});
