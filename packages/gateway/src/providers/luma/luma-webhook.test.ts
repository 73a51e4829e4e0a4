import type { VideoCallOptions } from '@vgw/spec';
import { describe, expect, it } from 'vitest';
import type { ProviderSettings } from '../provider-definition.js';
import completed from './__fixtures__/completed.json' with { type: 'json' };
import created from './__fixtures__/create.json' with { type: 'json' };
import { lumaProvider } from './luma-provider.js';
import { providerTestSettings } from '../../test-support/provider-test-settings.js';
import { callOptionsFrom } from '../../test-support/video-call-options.js';

const hookURL = 'https://vgw.example.com/v1/webhooks/luma';

function model(sent: unknown[], overrides: Partial<ProviderSettings> = {}) {
  return lumaProvider.createModel(
    'ray-2',
    providerTestSettings({
      apiKey: 'luma-test-key',
      fetch: async (_url, init = {}) => {
        sent.push(JSON.parse(String(init.body)));
        return new Response(JSON.stringify(created), {
          status: 201,
          headers: { 'content-type': 'application/json' },
        });
      },
      now: () => 1_000_000,
      ...overrides,
    }),
  );
}

const callOptions = callOptionsFrom({ prompt: 'A serene lake surrounded by mountains at sunset' });
const call = (providerOptions: VideoCallOptions['providerOptions'] = {}) =>
  callOptions({ providerOptions });

const post = (body: string) => new Request(hookURL, { method: 'POST', body });

async function parse(body: string) {
  const luma = model([]);
  if (luma.parseWebhook == null) throw new Error('luma has no parseWebhook');
  return luma.parseWebhook(post(body));
}

describe('luma webhooks', () => {
  it('sends callback_url only when the gateway has a public URL; a caller’s own wins', async () => {
    const sent: unknown[] = [];
    await model(sent, { webhookURL: hookURL }).doStart(call());
    await model(sent, { webhookURL: null }).doStart(call());
    await model(sent).doStart(call());
    const own = 'https://hooks.example.com/luma?t=1';
    await model(sent, { webhookURL: hookURL }).doStart(call({ callback_url: own }));
    expect(sent[0]).toMatchObject({ callback_url: hookURL });
    expect(sent[1]).not.toHaveProperty('callback_url');
    expect(sent[2]).not.toHaveProperty('callback_url');
    expect(sent[3]).toMatchObject({ callback_url: own });
  });

  it('names the generation of an (unsigned) callback by the operation’s id', async () => {
    expect(await parse(JSON.stringify(completed))).toEqual({
      operationMatch: { id: completed.id },
    });
  });

  it('answers null for garbage', async () => {
    expect(await parse('not json')).toBeNull();
    expect(await parse(JSON.stringify({ state: 'completed' }))).toBeNull();
    expect(await parse(JSON.stringify([1, 2]))).toBeNull();
  });
});
