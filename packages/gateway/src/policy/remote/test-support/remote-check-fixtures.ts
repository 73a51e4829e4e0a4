import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import type { RemoteCheck, RemoteCheckOptions } from '../remote-check.js';

/** The eight bytes of a PNG signature: enough for a check that only forwards the image. */
export const png = {
  bytes: new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
  mediaType: 'image/png',
};
export const pngDataUrl = 'data:image/png;base64,iVBORw0KGgo=';

/**
 * A fetch that never answers: it rejects with the signal's reason once aborted, as fetch does,
 * and aborts `controller` (with `reason`) on the next microtask, so a timeout needs no wall clock.
 */
export function abortedFetch(controller: AbortController, reason?: unknown) {
  return (_url: string, init?: RequestInit) =>
    new Promise<Response>((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error));
      queueMicrotask(() => controller.abort(reason));
    });
}

export interface ReceivedRequest {
  path: string;
  authorization: string;
  body: unknown;
}

/**
 * A loopback server, started and stopped around the enclosing `describe`, that records each JSON
 * request and answers every one with `answer`. `baseURL()` is its `/v1`, once started.
 */
export function loopbackJsonServer(answer: unknown) {
  const received: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        path: request.url ?? '',
        authorization: request.headers.authorization ?? '',
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
      });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer));
    });
  });
  let baseURL = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });
  return { received, baseURL: () => baseURL };
}

/** A clock that reads `readings` in turn, then 0: a screening's latency without the wall clock. */
export function clockReading(...readings: number[]): () => number {
  return () => readings.shift() ?? 0;
}

/**
 * `check(fetch, extra)`: a check built by `build` from `defaults`, with `fetch` and any `extra`
 * options; each test names only what it changes.
 */
export function checkBuilder<Options extends RemoteCheckOptions>(
  build: (options: Options) => RemoteCheck,
  defaults: Omit<Options, 'fetch'>,
) {
  return (fetch: Options['fetch'], extra: Partial<Options> = {}) =>
    build({ ...defaults, fetch, ...extra } as Options);
}
