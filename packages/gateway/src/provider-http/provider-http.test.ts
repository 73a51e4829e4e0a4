import { ProviderApiError } from '@vgw/spec';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ProviderHttpError, providerRequest } from './provider-http.js';
import { retryAfterMs } from './retry-after.js';

const schema = z.object({ id: z.string() });
const base = {
  provider: 'acme',
  apiKeyVariable: 'ACME_KEY',
  url: 'https://api.acme.test/v1/things',
  schema,
};

function answering(status: number, body: string, headers: Record<string, string> = {}) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetch = async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    return new Response(body, { status, headers });
  };
  return { fetch, calls };
}

describe('providerRequest', () => {
  it('sends JSON and parses the answer with the schema', async () => {
    const { fetch, calls } = answering(200, '{"id":"t_1","extra":true}');
    const result = await providerRequest({
      ...base,
      fetch,
      method: 'POST',
      body: { a: 1 },
      headers: { authorization: 'Bearer k' },
    });
    expect(result).toEqual({ id: 't_1' });
    const headers = calls[0]?.init?.headers as Record<string, string>;
    expect(headers['content-type']).toBe('application/json');
    expect(headers.authorization).toBe('Bearer k');
    expect(calls[0]?.init?.body).toBe('{"a":1}');
  });

  it('names the env var on 401 and does not retry', async () => {
    const error = await providerRequest({
      ...base,
      ...answering(401, '{"error":"bad key"}'),
    }).catch((caught) => caught);
    expect(error).toBeInstanceOf(ProviderHttpError);
    expect(error.message).toContain('ACME_KEY');
    expect(error.retryable).toBe(false);
    expect(error.code).toBe('provider_auth_failed');
  });

  it('retries 429 with the provider hint and 5xx, not 400', async () => {
    const limited = await providerRequest({
      ...base,
      ...answering(429, 'slow down', { 'retry-after': '7' }),
    }).catch((caught) => caught);
    expect(limited).toMatchObject({
      retryable: true,
      code: 'provider_rate_limited',
      retryAfterMs: 7000,
      httpStatus: 429,
    });
    const down = await providerRequest({ ...base, ...answering(503, '') }).catch(
      (caught) => caught,
    );
    expect(down).toMatchObject({ retryable: true, code: 'provider_unavailable' });
    const bad = await providerRequest({ ...base, ...answering(400, '{"error":"nope"}') }).catch(
      (caught) => caught,
    );
    expect(bad).toMatchObject({
      retryable: false,
      code: 'provider_rejected',
      body: { error: 'nope' },
    });
  });

  it('turns garbage and transport failures into retryable ProviderApiErrors', async () => {
    const garbage = await providerRequest({
      ...base,
      ...answering(200, '<html>oops</html>'),
    }).catch((caught) => caught);
    expect(garbage).toBeInstanceOf(ProviderApiError);
    expect(garbage).toMatchObject({ code: 'provider_bad_response', retryable: true });
    const wrongShape = await providerRequest({ ...base, ...answering(200, '{"id":42}') }).catch(
      (caught) => caught,
    );
    expect(wrongShape.message).toContain('id');
    const refused = await providerRequest({
      ...base,
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    }).catch((caught) => caught);
    expect(refused).toMatchObject({ code: 'provider_unreachable', retryable: true });
  });
});

describe('retryAfterMs', () => {
  it('reads milliseconds, seconds and dates, and ignores nonsense', () => {
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '250' }))).toBe(250);
    expect(retryAfterMs(new Headers({ 'retry-after': '3' }))).toBe(3000);
    const now = Date.parse('2026-11-25T10:00:00Z');
    expect(retryAfterMs(new Headers({ 'retry-after': 'Wed, 25 Nov 2026 10:00:05 GMT' }), now)).toBe(
      5000,
    );
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }))).toBeNull();
    expect(retryAfterMs(new Headers({ 'retry-after': '86400' }))).toBeNull();
    expect(retryAfterMs(new Headers())).toBeNull();
  });
});
