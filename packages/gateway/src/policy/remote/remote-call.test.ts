import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { maxAnswerBytes, postRemoteJson } from './remote-call.js';
import type { RemoteCall } from './remote-call.js';

const schema = z.object({ ok: z.boolean() });

function call(
  fetch: RemoteCall<typeof schema>['fetch'],
  extra: Partial<RemoteCall<typeof schema>> = {},
): RemoteCall<typeof schema> {
  return {
    checkId: 'probe',
    url: 'https://user:pa55@guard.example/v1/check?key=k-123',
    headers: { authorization: 'Bearer k-123' },
    body: '{"prompt":"p"}',
    schema,
    fetch,
    timeoutMs: 250,
    secrets: ['k-123', ''],
    ...extra,
  };
}

describe('postRemoteJson', () => {
  it('POSTs the body as JSON with its headers and returns the parsed answer', async () => {
    const seen: RequestInit[] = [];
    const result = await postRemoteJson(
      call(async (_url, init) => {
        seen.push(init ?? {});
        return Response.json({ ok: true, extra: 1 });
      }),
    );
    expect(result).toEqual({ value: { ok: true } });
    expect(seen[0]).toMatchObject({
      method: 'POST',
      body: '{"prompt":"p"}',
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        authorization: 'Bearer k-123',
      },
    });
    expect(seen[0]!.signal).toBeInstanceOf(AbortSignal);
  });

  it('names the endpoint without its user info or query', async () => {
    const result = await postRemoteJson(call(async () => new Response('', { status: 502 })));
    expect(result).toEqual({ error: 'probe: https://guard.example/v1/check answered HTTP 502' });
  });

  it('reports a signal that has already fired as a timeout, without calling', async () => {
    let calls = 0;
    const result = await postRemoteJson(
      call(
        async () => {
          calls += 1;
          return Response.json({ ok: true });
        },
        { timeout: () => AbortSignal.abort() },
      ),
    );
    expect(result).toEqual({
      error: 'probe: https://guard.example/v1/check did not answer within 250 ms',
    });
    expect(calls).toBe(0);
  });

  it('times out while the answer is still being read', async () => {
    const controller = new AbortController();
    const stalled = new ReadableStream<Uint8Array>({
      start(stream) {
        stream.enqueue(new TextEncoder().encode('{"ok":'));
        queueMicrotask(() => controller.abort());
      },
    });
    const result = await postRemoteJson(
      call(async () => new Response(stalled), { timeout: () => controller.signal }),
    );
    expect(result).toEqual({
      error: 'probe: https://guard.example/v1/check did not answer within 250 ms',
    });
  });

  it('accepts an answer of exactly the limit and refuses one byte more', async () => {
    const padded = (size: number) => {
      const head = '{"ok":true,"pad":"';
      return head + 'x'.repeat(size - head.length - 2) + '"}';
    };
    const atLimit = await postRemoteJson(call(async () => new Response(padded(maxAnswerBytes))));
    expect(atLimit).toEqual({ value: { ok: true } });
    const over = await postRemoteJson(call(async () => new Response(padded(maxAnswerBytes + 1))));
    expect(over).toEqual({
      error: `probe: https://guard.example/v1/check answer is larger than ${maxAnswerBytes} bytes`,
    });
  });

  it('redacts every secret from an error, and says what a non-Error was', async () => {
    const thrown = await postRemoteJson(
      call(async () => {
        throw new Error('refused k-123 and k-123 again');
      }),
    );
    expect(thrown).toEqual({
      error:
        'probe: https://guard.example/v1/check could not be reached: refused [redacted] and [redacted] again',
    });
    const odd = await postRemoteJson(
      call(async () => {
        throw 'k-123 string';
      }),
    );
    expect(odd).toEqual({
      error: 'probe: https://guard.example/v1/check could not be reached: [redacted] string',
    });
  });

  it('names the configured URL when it does not parse', async () => {
    const result = await postRemoteJson(
      call(
        async () => {
          throw new TypeError('Invalid URL');
        },
        { url: 'not a url' },
      ),
    );
    expect(result).toEqual({
      error: 'probe: the configured URL could not be reached: Invalid URL',
    });
  });
});
