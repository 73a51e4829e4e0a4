import { AuthenticationError } from '@vgw/spec';
import { expect } from 'vitest';
import type { ProviderSettings } from '../providers/provider-definition.js';
import { signStandardWebhook } from '../provider-http/standard-webhook.js';
import type { TestGateway } from './test-gateway.js';

/** A Standard Webhooks secret (`whsec_` and base64) made from a readable label. */
export function webhookSecret(label: string): string {
  return `whsec_${Buffer.from(label).toString('base64')}`;
}

export interface SignedWebhookOptions {
  secret: string;
  webhookId: string;
  /** When the request claims it was sent. */
  atMs: number;
  /** Sent after the signature headers, so they can replace them. */
  headers?: Record<string, string>;
}

/** A POST to `url` carrying `body`, signed the Standard Webhooks way. */
export function signedWebhookRequest(
  url: string,
  body: string,
  options: SignedWebhookOptions,
): Request {
  const seconds = Math.floor(options.atMs / 1000);
  return new Request(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...signStandardWebhook(options.secret, options.webhookId, seconds, body),
      ...options.headers,
    },
    body,
  });
}

export interface SignatureRefusalCase {
  /** Parses a request with the adapter under test (settings overridden as given). */
  parse: (request: Request, overrides?: Partial<ProviderSettings>) => Promise<unknown>;
  /** Signs `body` with the test's secret, or with `key`, at the test clock or at `atMs`. */
  sign: (body: string, options?: { key?: string; atMs?: number }) => Request;
  url: string;
  body: string;
  /** A timestamp outside the adapter's tolerance. */
  staleAtMs: number;
}

/** A wrong key, a stale timestamp and missing headers are refused, and so is a missing secret. */
export async function expectSignatureRefusals(refusal: SignatureRefusalCase): Promise<void> {
  const { parse, sign, body } = refusal;
  const otherKey = webhookSecret('another secret');
  await expect(parse(sign(body, { key: otherKey }))).rejects.toThrow(AuthenticationError);
  await expect(parse(sign(body, { atMs: refusal.staleAtMs }))).rejects.toThrow(AuthenticationError);
  const unsigned = new Request(refusal.url, { method: 'POST', body });
  await expect(parse(unsigned)).rejects.toThrow(AuthenticationError);
  await expect(parse(sign(body), { options: {} })).rejects.toThrow(
    /configure settings\.options\.webhookSecret/,
  );
}

export interface HookedCheckCase {
  /** The provider's webhook path segment, e.g. `openai`. */
  provider: string;
  /** The webhook body naming the render the gateway's one video started. */
  body: string;
  secret: string;
  webhookId: string;
}

/**
 * Creates a video, lets the worker start it and pushes its next check an hour out; then a
 * signed webhook must be accepted and bring that one video's check forward.
 */
export async function expectWebhookBringsCheckForward(
  gateway: TestGateway,
  hook: HookedCheckCase,
): Promise<void> {
  const response = await gateway.postVideo({ prompt: 'hooked' });
  const video = (await response.json()) as { id: string };
  await gateway.newWorker().runOnce();
  await gateway.test.database.query(
    `update videos set next_check_at = now() + interval '1 hour' where id = $1`,
    [video.id],
  );
  const signed = signedWebhookRequest(`http://localhost/v1/webhooks/${hook.provider}`, hook.body, {
    secret: hook.secret,
    webhookId: hook.webhookId,
    atMs: Date.now(),
  });
  const hooked = await gateway.app.request(signed);
  expect(hooked.status).toBe(202);
  expect(await hooked.json()).toEqual({ received: true, videos: 1 });
}
