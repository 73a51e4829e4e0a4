import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Vgw } from './client.js';
import { APIConnectionError, NotFoundError } from './errors.js';
import { makeVideo } from './test-support/fake-fetch.js';

/** The global fetch against a real loopback server: headers, multipart and streaming as sent. */
interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

const seen: Seen[] = [];
let server: Server;
let baseURL = '';

function answer(request: IncomingMessage, response: ServerResponse, body: string) {
  seen.push({
    method: request.method ?? '',
    url: request.url ?? '',
    headers: request.headers,
    body,
  });
  if (request.url?.startsWith('/v1/videos/video_1/content') === true) {
    response.writeHead(200, { 'content-type': 'video/mp4' });
    response.end(Buffer.from([1, 2, 3, 4, 5]));
    return;
  }
  if (request.url === '/v1/videos/missing') {
    response.writeHead(404, { 'content-type': 'application/json', 'x-request-id': 'req_9' });
    response.end(
      JSON.stringify({ error: { message: 'No video', type: 'x', param: null, code: null } }),
    );
    return;
  }
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify(makeVideo()));
}

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => answer(request, response, Buffer.concat(chunks).toString('latin1')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('against a loopback server with the global fetch', () => {
  it('sends a multipart create with a boundary and the file part', async () => {
    const client = new Vgw({ baseURL, apiKey: 'k' });
    const image = new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' });
    await client.videos.create({ prompt: 'a boat', seconds: '4', input_reference: image });
    const request = seen.at(-1);
    expect(request?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(request?.headers.authorization).toBe('Bearer k');
    expect(request?.headers['idempotency-key']).toBeTypeOf('string');
    expect(request?.body).toContain('name="prompt"\r\n\r\na boat');
    expect(request?.body).toContain('name="input_reference"; filename="input_reference.png"');
  });

  it('streams downloaded content', async () => {
    const client = new Vgw({ baseURL, apiKey: 'k' });
    const response = await client.videos.downloadContent('video_1', { variant: 'video' });
    const reader = response.body?.getReader();
    const chunks: number[] = [];
    for (let part = await reader?.read(); part != null && !part.done; part = await reader?.read()) {
      chunks.push(...part.value);
    }
    expect(chunks).toEqual([1, 2, 3, 4, 5]);
    expect(seen.at(-1)?.headers.accept).toBe('application/binary');
  });

  it('maps a 404 with its request id', async () => {
    const client = new Vgw({ baseURL, apiKey: 'k' });
    const error = await client.videos.retrieve('missing').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).requestId).toBe('req_9');
  });

  it('reports a refused connection as APIConnectionError', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const client = new Vgw({ baseURL: `http://127.0.0.1:${port}/v1`, apiKey: 'k', maxRetries: 0 });
    const error = await client.videos.retrieve('video_1').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
  });
});
