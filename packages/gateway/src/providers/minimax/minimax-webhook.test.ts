import type { VideoCallOptions } from '@vgw/spec';
import { describe, expect, it } from 'vitest';
import type { ProviderSettings } from '../provider-definition.js';
import v1Created from './__fixtures__/v1-create.json' with { type: 'json' };
import v2Created from './__fixtures__/v2-create.json' with { type: 'json' };
import { minimaxProvider } from './minimax-provider.js';
import { providerTestSettings } from '../../test-support/provider-test-settings.js';
import { callOptionsFrom } from '../../test-support/video-call-options.js';

const hookURL = 'https://vgw.example.com/v1/webhooks/minimax';

function model(modelId: string, sent: unknown[], overrides: Partial<ProviderSettings> = {}) {
  const answer = modelId === 'MiniMax-H3' ? v2Created : v1Created;
  return minimaxProvider.createModel(
    modelId,
    providerTestSettings({
      apiKey: 'mm-test-key',
      fetch: async (_url, init = {}) => {
        sent.push(JSON.parse(String(init.body)));
        return new Response(JSON.stringify(answer), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        });
      },
      ...overrides,
    }),
  );
}

const call: VideoCallOptions = callOptionsFrom({
  prompt: 'a man picks up a book',
  seconds: 6,
  width: 1366,
  height: 768,
})();

async function parse(body: string) {
  const minimax = model('MiniMax-Hailuo-02', []);
  if (minimax.parseWebhook == null) throw new Error('minimax has no parseWebhook');
  return minimax.parseWebhook(new Request(hookURL, { method: 'POST', body }));
}

describe('minimax webhooks', () => {
  it.each(['MiniMax-Hailuo-02', 'MiniMax-H3'])(
    '%s sends callback_url only when opted in and the gateway has a public URL',
    async (modelId) => {
      const sent: unknown[] = [];
      const options =
        modelId === 'MiniMax-H3' ? { ...call, seconds: 5, width: 1280, height: 720 } : call;
      const optedIn = { callbacks: true };
      await model(modelId, sent, { webhookURL: hookURL, options: optedIn }).doStart(options);
      await model(modelId, sent, { webhookURL: null, options: optedIn }).doStart(options);
      await model(modelId, sent, { webhookURL: hookURL }).doStart(options);
      expect(sent[0]).toMatchObject({ callback_url: hookURL });
      expect(sent[1]).not.toHaveProperty('callback_url');
      expect(sent[2]).not.toHaveProperty('callback_url');
    },
  );

  it('names the task of an (unsigned) status update by the operation’s taskId', async () => {
    const update = { task_id: v1Created.task_id, status: 'Success', file_id: '361721749176519' };
    expect(await parse(JSON.stringify(update))).toEqual({
      operationMatch: { taskId: v1Created.task_id },
    });
  });

  it('answers null to the challenge (it cannot be echoed through parseWebhook) and to garbage', async () => {
    expect(await parse(JSON.stringify({ challenge: 'abc123' }))).toBeNull();
    expect(await parse('{{')).toBeNull();
    expect(await parse(JSON.stringify({ status: 'Success' }))).toBeNull();
  });
});
