import type { VideoCallOptions } from '@vgw/spec';
import { afterEach, describe, expect, it } from 'vitest';
import { signStandardWebhook } from '../../provider-http/standard-webhook.js';
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
import succeeded from './__fixtures__/succeeded.json' with { type: 'json' };
import { replicateProvider } from './replicate-provider.js';
import { providerTestSettings } from '../../test-support/provider-test-settings.js';
import { callOptionsFrom } from '../../test-support/video-call-options.js';

const secret = webhookSecret('replicate webhook test secret');
const clockMs = 1_760_000_000_000;
const hookURL = 'https://vgw.example.com/v1/webhooks/replicate';

function recordingFetch(bodies: unknown[]): ProviderSettings['fetch'] {
  return async (_url, init = {}) => {
    bodies.push(typeof init.body === 'string' ? JSON.parse(init.body) : undefined);
    return new Response(JSON.stringify(created), {
      status: 201,
      headers: { 'content-type': 'application/json' },
    });
  };
}

function settings(overrides: Partial<ProviderSettings> = {}): ProviderSettings {
  return providerTestSettings({
    apiKey: 'r8_test',
    fetch: recordingFetch([]),
    now: () => clockMs,
    options: { webhookSecret: secret },
    ...overrides,
  });
}

const callOptions: VideoCallOptions = callOptionsFrom({
  prompt: 'A cat walks across a sunlit room',
  seconds: 6,
  width: 1366,
  height: 768,
  idempotencyKey: 'start_1',
})();

const signedRequest = (
  body: string,
  options: { key?: string; atMs?: number; headers?: Record<string, string> } = {},
) =>
  signedWebhookRequest(hookURL, body, {
    secret: options.key ?? secret,
    webhookId: 'msg_1',
    atMs: options.atMs ?? clockMs,
    ...(options.headers != null ? { headers: options.headers } : {}),
  });

const parse = (request: Request, overrides: Partial<ProviderSettings> = {}) => {
  const model = replicateProvider.createModel('minimax/hailuo-02', settings(overrides));
  if (model.parseWebhook == null) throw new Error('replicate has no parseWebhook');
  return model.parseWebhook(request);
};

describe('replicate webhooks', () => {
  it('asks for a completed-only callback only when the gateway has a public URL', async () => {
    const bodies: unknown[] = [];
    const withHook = settings({ fetch: recordingFetch(bodies), webhookURL: hookURL });
    await replicateProvider.createModel('minimax/hailuo-02', withHook).doStart(callOptions);
    const without = settings({ fetch: recordingFetch(bodies), webhookURL: null });
    await replicateProvider.createModel('minimax/hailuo-02', without).doStart(callOptions);
    expect(bodies[0]).toMatchObject({ webhook: hookURL, webhook_events_filter: ['completed'] });
    expect(bodies[1]).not.toHaveProperty('webhook');
    expect(bodies[1]).not.toHaveProperty('webhook_events_filter');
  });

  it('names the prediction of a validly signed payload by predictionId', async () => {
    const event = await parse(signedRequest(JSON.stringify(succeeded)));
    expect(event).toEqual({ operationMatch: { predictionId: succeeded.id }, deliveryId: 'msg_1' });
  });

  it('accepts any matching signature among several', async () => {
    const body = JSON.stringify(succeeded);
    const good = signStandardWebhook(secret, 'msg_1', clockMs / 1000, body)['webhook-signature'];
    const request = signedRequest(body, {
      headers: { 'webhook-signature': `v1,AAAA ${good ?? ''}` },
    });
    expect(await parse(request)).toEqual({
      operationMatch: { predictionId: succeeded.id },
      deliveryId: 'msg_1',
    });
  });

  it('refuses a wrong signature, a stale timestamp, missing headers or no secret', async () => {
    await expectSignatureRefusals({
      parse,
      sign: signedRequest,
      url: hookURL,
      body: JSON.stringify(succeeded),
      staleAtMs: clockMs - 301_000,
    });
  });

  it('answers null for a signed body that is not a prediction', async () => {
    expect(await parse(signedRequest('not json'))).toBeNull();
    expect(await parse(signedRequest(JSON.stringify({ status: 'succeeded' })))).toBeNull();
  });
});

describe.each(testDatabaseKinds())('POST /v1/webhooks/replicate on %s', (kind) => {
  let gateway: TestGateway;
  afterEach(async () => gateway.dispose());

  it('brings the matching render’s status check forward', async () => {
    const model = replicateProvider.createModel(
      'minimax/hailuo-02',
      settings({ now: () => Date.now(), fetch: recordingFetch([]), webhookURL: hookURL }),
    );
    gateway = await createTestGateway(kind, [model]);
    await expectWebhookBringsCheckForward(gateway, {
      provider: 'replicate',
      body: JSON.stringify(succeeded),
      secret,
      webhookId: 'msg_2',
    });
  });
});
