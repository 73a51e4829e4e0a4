import { describe, expect, it } from 'vitest';
import { verifyStandardWebhook } from '../../provider-http/standard-webhook.js';
import { webhookSecret } from '../../test-support/signed-webhook.js';
import { webhookCheck } from './webhook-check.js';
import type { WebhookCheckOptions } from './webhook-check.js';
import type { WebhookAnswer } from './webhook-contract.js';
import {
  abortedFetch,
  checkBuilder,
  clockReading,
  png,
} from './test-support/remote-check-fixtures.js';

const url = 'https://moderation.studio.example/screen?token=q7Zt0k';
const secret = webhookSecret('policy webhook secret');
const endpointToken = 'Bearer hook-token-55e1';
const sentAtMs = 1_765_108_800_000;

interface SentRequest {
  url: string;
  headers: Record<string, string>;
  /** The exact bytes sent, which the signature covers. */
  rawBody: string;
}

/** A fetch that keeps the raw request and answers with `reply`. */
function capturingFetch(reply: () => Response | Promise<Response>) {
  const sent: SentRequest[] = [];
  const fetch = async (target: string, init?: RequestInit) => {
    sent.push({
      url: target,
      headers: (init?.headers ?? {}) as Record<string, string>,
      rawBody: init?.body as string,
    });
    return reply();
  };
  return { fetch, sent };
}

function answering(answer: WebhookAnswer | Record<string, unknown>) {
  return capturingFetch(() => Response.json(answer));
}

const check = checkBuilder<WebhookCheckOptions>(webhookCheck, {
  url,
  timeoutMs: 800,
  failureMode: 'closed',
  clock: () => sentAtMs,
  newMessageId: () => 'msg_2f8a',
});

describe('webhookCheck', () => {
  it('posts the stage, param, prompt and image, and allows an `allow`', async () => {
    const remote = answering({ decision: 'allow', scores: { nudity: 0.02 } });
    const outcome = await check(remote.fetch, {
      headers: { authorization: endpointToken },
      now: clockReading(0, 31),
    }).screen({ prompt: 'a red kite', image: png }, { param: 'input_reference' });
    expect(remote.sent).toHaveLength(1);
    const request = remote.sent[0]!;
    expect(request.url).toBe(url);
    expect(request.headers.authorization).toBe(endpointToken);
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['webhook-signature']).toBeUndefined();
    expect(JSON.parse(request.rawBody)).toEqual({
      stage: 'pre',
      param: 'input_reference',
      prompt: 'a red kite',
      image: { media_type: 'image/png', base64: 'iVBORw0KGgo=' },
    });
    expect(outcome).toEqual({
      checkId: 'webhook',
      checkVersion: '1',
      stage: 'pre',
      param: 'input_reference',
      findings: [],
      scores: { nudity: 0.02 },
      latencyMs: 31,
    });
  });

  it('signs the exact body the Standard Webhooks way when a secret is set', async () => {
    const remote = answering({ decision: 'allow' });
    await check(remote.fetch, { secret, stage: 'post' }).screen(
      { image: png },
      { param: 'output' },
    );
    const request = remote.sent[0]!;
    expect(request.headers['webhook-id']).toBe('msg_2f8a');
    expect(request.headers['webhook-timestamp']).toBe(String(sentAtMs / 1000));
    expect(request.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(JSON.parse(request.rawBody)).toEqual({
      stage: 'post',
      param: 'output',
      image: { media_type: 'image/png', base64: 'iVBORw0KGgo=' },
    });
    const asReceived = () =>
      new Request(url, { method: 'POST', headers: request.headers, body: request.rawBody });
    const verified = await verifyStandardWebhook({
      provider: 'receiver',
      request: asReceived(),
      secret,
      nowMs: sentAtMs + 2000,
    });
    expect(verified).toEqual({ body: request.rawBody, webhookId: 'msg_2f8a' });
    await expect(
      verifyStandardWebhook({
        provider: 'receiver',
        request: asReceived(),
        secret: webhookSecret('another secret'),
        nowMs: sentAtMs,
      }),
    ).rejects.toThrow(/does not verify/);
  });

  it('refuses an endpoint refusal under its category, one finding per rule', async () => {
    const remote = answering({
      decision: 'refuse',
      category: 'protected_characters',
      rules: ['studio.ip.mouse', 'studio.ip.trademark', 'studio.ip.mouse'],
      scores: { 'studio.ip.mouse': 0.93 },
    });
    const outcome = await check(remote.fetch, { version: '2026-12-01', id: 'studio-hook' }).screen(
      { prompt: 'x' },
      { param: 'prompt' },
    );
    expect(outcome.checkId).toBe('studio-hook');
    expect(outcome.checkVersion).toBe('2026-12-01');
    expect(outcome.findings).toEqual([
      {
        ruleId: 'studio.ip.mouse',
        category: 'protected_characters',
        effect: 'block',
        score: 0.93,
      },
      {
        ruleId: 'studio.ip.trademark',
        category: 'protected_characters',
        effect: 'block',
        score: 1,
      },
    ]);
    expect(outcome.scores).toEqual({ 'studio.ip.mouse': 0.93 });
  });

  it('names a refusal without rules after the check and its category', async () => {
    const remote = answering({ decision: 'refuse', category: 'minors' });
    const outcome = await check(remote.fetch).screen({ prompt: 'x' }, { param: 'prompt' });
    expect(outcome.findings).toEqual([
      { ruleId: 'webhook.minors', category: 'minors', effect: 'block', score: 1 },
    ]);
  });

  it('makes no call when there is nothing to screen', async () => {
    const remote = answering({ decision: 'allow' });
    const outcome = await check(remote.fetch).screen({ prompt: '' }, { param: 'prompt' });
    expect(remote.sent).toHaveLength(0);
    expect(outcome).toMatchObject({ findings: [], scores: {} });
  });

  it('refuses to be built with a malformed secret', () => {
    expect(() => check(async () => Response.json({}), { secret: 'not a secret!' })).toThrow(
      'webhook: the webhook secret is not a whsec_<base64> secret',
    );
  });

  it('times out into an error outcome', async () => {
    const controller = new AbortController();
    const outcome = await check(abortedFetch(controller), {
      timeout: () => controller.signal,
    }).screen({ prompt: 'x' }, { param: 'prompt' });
    expect(outcome.error).toBe(
      'webhook: https://moderation.studio.example/screen did not answer within 800 ms',
    );
    expect(outcome.findings).toEqual([]);
  });

  it.each([
    ['a 500', () => new Response(`oops ${secret} ${endpointToken}`, { status: 500 }), /HTTP 500$/],
    ['a 403', () => new Response('forbidden', { status: 403 }), /HTTP 403$/],
    ['a body that is not JSON', () => new Response('OK'), /not JSON$/],
    [
      'an unknown decision',
      () => Response.json({ decision: 'maybe' }),
      /unexpected body \(decision: /,
    ],
    [
      'a refusal without a category',
      () => Response.json({ decision: 'refuse', rules: ['r1'] }),
      /unexpected body \(category: /,
    ],
    [
      'a refusal under a category we do not have',
      () => Response.json({ decision: 'refuse', category: 'spam' }),
      /unexpected body \(category: /,
    ],
    [
      'a rule id that carries text',
      () => Response.json({ decision: 'refuse', category: 'hate', rules: ['the prompt said x'] }),
      /unexpected body \(rules\.0: a rule id is/,
    ],
    [
      'a score that is not a number',
      () => Response.json({ decision: 'allow', scores: { nudity: 'high' } }),
      /unexpected body \(scores\.nudity: /,
    ],
    [
      'a network error that quotes the token',
      () => {
        throw new Error(`socket hang up (${endpointToken})`);
      },
      /could not be reached: socket hang up \(\[redacted\]\)$/,
    ],
  ])('turns %s into an error outcome naming no secret', async (_name, reply, error) => {
    const remote = capturingFetch(reply);
    const outcome = await check(remote.fetch, {
      secret,
      headers: { authorization: endpointToken },
    }).screen({ prompt: 'x' }, { param: 'prompt' });
    expect(outcome.error).toMatch(/^webhook: https:\/\/moderation\.studio\.example\/screen /);
    expect(outcome.error).toMatch(error);
    for (const hidden of [secret, endpointToken, 'q7Zt0k']) {
      expect(outcome.error).not.toContain(hidden);
    }
    expect(outcome.findings).toEqual([]);
    expect(outcome.scores).toEqual({});
  });
});
