import type { VideoCallOptions } from '@vgw/spec';
import { describe, expect, it } from 'vitest';
import type { ProviderSettings } from '../provider-definition.js';
import created from './__fixtures__/create.json' with { type: 'json' };
import succeeded from './__fixtures__/succeeded.json' with { type: 'json' };
import { klingProvider } from './kling-provider.js';
import { providerTestSettings } from '../../test-support/provider-test-settings.js';
import { callOptionsFrom } from '../../test-support/video-call-options.js';

const hookURL = 'https://vgw.example.com/v1/webhooks/kling';

function model(sent: unknown[], overrides: Partial<ProviderSettings> = {}) {
  return klingProvider.createModel(
    'kling-v2-5-turbo',
    providerTestSettings({
      apiKey: 'ak-test',
      secret: 'sk-test',
      fetch: async (_url, init = {}) => {
        sent.push(JSON.parse(String(init.body)));
        return new Response(JSON.stringify(created), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        });
      },
      ...overrides,
    }),
  );
}

const call: VideoCallOptions = callOptionsFrom({ prompt: 'a red fox in snow' })();

async function parse(body: string) {
  const kling = model([]);
  if (kling.parseWebhook == null) throw new Error('kling has no parseWebhook');
  return kling.parseWebhook(new Request(hookURL, { method: 'POST', body }));
}

describe('kling webhooks', () => {
  it('sends callback_url only when the gateway has a public URL', async () => {
    const sent: unknown[] = [];
    await model(sent, { webhookURL: hookURL }).doStart(call);
    await model(sent, { webhookURL: null }).doStart(call);
    expect(sent[0]).toMatchObject({ callback_url: hookURL });
    expect(sent[1]).not.toHaveProperty('callback_url');
  });

  it('names the task of an (unsigned) callback by the operation’s taskId', async () => {
    // The callback body is the task itself, without the { code, data } envelope.
    expect(await parse(JSON.stringify(succeeded.data))).toEqual({
      operationMatch: { taskId: succeeded.data.task_id },
    });
  });

  it('answers null for garbage', async () => {
    expect(await parse('<html>')).toBeNull();
    expect(await parse(JSON.stringify({ task_status: 'succeed' }))).toBeNull();
    expect(await parse(JSON.stringify({ task_id: '' }))).toBeNull();
  });
});
