import { AuthenticationError, type VideoCallOptions } from '@vgw/spec';
import { afterEach, describe, expect, it } from 'vitest';
import { signStandardWebhook } from '../../provider-utils/standard-webhook.js';
import { testDatabaseKinds } from '../../testing/test-databases.js';
import { createTestGateway, type TestGateway } from '../../testing/test-gateway.js';
import type { ProviderSettings } from '../provider-definition.js';
import created from './__fixtures__/create.json' with { type: 'json' };
import succeeded from './__fixtures__/succeeded.json' with { type: 'json' };
import { replicateProvider } from './replicate-provider.js';
import { providerTestSettings } from '../../testing/provider-test-settings.js';
import { callOptionsFrom } from '../../testing/video-call-options.js';

const secret = `whsec_${Buffer.from('replicate webhook test secret').toString('base64')}`;
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

function signedRequest(
  body: string,
  options: { key?: string; atMs?: number; headers?: Record<string, string> } = {},
) {
  const seconds = Math.floor((options.atMs ?? clockMs) / 1000);
  return new Request(hookURL, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...signStandardWebhook(options.key ?? secret, 'msg_1', seconds, body),
      ...options.headers,
    },
    body,
  });
}

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
    expect(event).toEqual({ operationMatch: { predictionId: succeeded.id } });
  });

  it('accepts any matching signature among several', async () => {
    const body = JSON.stringify(succeeded);
    const good = signStandardWebhook(secret, 'msg_1', clockMs / 1000, body)['webhook-signature'];
    const request = signedRequest(body, {
      headers: { 'webhook-signature': `v1,AAAA ${good ?? ''}` },
    });
    expect(await parse(request)).toEqual({ operationMatch: { predictionId: succeeded.id } });
  });

  it('refuses a wrong signature, a stale timestamp, missing headers or no secret', async () => {
    const body = JSON.stringify(succeeded);
    const otherKey = `whsec_${Buffer.from('another secret').toString('base64')}`;
    await expect(parse(signedRequest(body, { key: otherKey }))).rejects.toThrow(
      AuthenticationError,
    );
    await expect(parse(signedRequest(body, { atMs: clockMs - 301_000 }))).rejects.toThrow(
      AuthenticationError,
    );
    const unsigned = new Request(hookURL, { method: 'POST', body });
    await expect(parse(unsigned)).rejects.toThrow(AuthenticationError);
    await expect(parse(signedRequest(body), { options: {} })).rejects.toThrow(
      /configure settings\.options\.webhookSecret/,
    );
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
    const body = JSON.stringify(succeeded);
    const headers = signStandardWebhook(secret, 'msg_2', Math.floor(Date.now() / 1000), body);
    const hooked = await gateway.app.request('/v1/webhooks/replicate', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    expect(hooked.status).toBe(202);
    expect(await hooked.json()).toEqual({ received: true, videos: 1 });
  });
});
