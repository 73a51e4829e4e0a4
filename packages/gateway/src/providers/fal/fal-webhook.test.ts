import type { VideoCallOptions } from '@vgw/spec';
import { describe, expect, it } from 'vitest';
import type { ProviderSettings } from '../provider-definition.js';
import submitted from './__fixtures__/submit.json' with { type: 'json' };
import { falProvider } from './fal-provider.js';
import { providerTestSettings } from '../../test-support/provider-test-settings.js';
import { callOptionsFrom } from '../../test-support/video-call-options.js';

const hookURL = 'https://vgw.example.com/v1/webhooks/fal';
const endpoint = 'fal-ai/pika/v2.2/text-to-video';

function model(urls: string[], overrides: Partial<ProviderSettings> = {}) {
  return falProvider.createModel(
    endpoint,
    providerTestSettings({
      apiKey: 'fal-test-key',
      fetch: async (url) => {
        urls.push(String(url));
        return new Response(JSON.stringify(submitted), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        });
      },
      now: () => 1_000_000,
      ...overrides,
    }),
  );
}

const callOptions = callOptionsFrom({ prompt: 'A corgi surfing a wave at sunset', seed: 7 });
const call = (providerOptions: VideoCallOptions['providerOptions'] = {}) =>
  callOptions({ providerOptions });

async function parse(body: string) {
  const fal = model([]);
  if (fal.parseWebhook == null) throw new Error('fal has no parseWebhook');
  return fal.parseWebhook(new Request(hookURL, { method: 'POST', body }));
}

describe('fal webhooks', () => {
  it('adds ?fal_webhook= only when the gateway has a public URL; a caller’s own wins', async () => {
    const urls: string[] = [];
    await model(urls, { webhookURL: hookURL }).doStart(call());
    await model(urls, { webhookURL: null }).doStart(call());
    const own = 'https://hooks.example.com/fal?t=1';
    await model(urls, { webhookURL: hookURL }).doStart(call({ webhook_url: own }));
    const queue = `https://queue.fal.run/${endpoint}`;
    expect(urls).toEqual([
      `${queue}?fal_webhook=${encodeURIComponent(hookURL)}`,
      queue,
      `${queue}?fal_webhook=${encodeURIComponent(own)}`,
    ]);
  });

  it('names the request of an (unsigned) webhook by the operation’s requestId', async () => {
    const body = {
      request_id: submitted.request_id,
      gateway_request_id: submitted.gateway_request_id,
      status: 'OK',
      payload: { video: { url: 'https://v3.fal.media/files/x/output.mp4' } },
    };
    expect(await parse(JSON.stringify(body))).toEqual({
      operationMatch: { requestId: submitted.request_id },
    });
  });

  it('answers null for garbage', async () => {
    expect(await parse('')).toBeNull();
    expect(await parse(JSON.stringify({ status: 'OK' }))).toBeNull();
    expect(await parse('null')).toBeNull();
  });
});
