import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { Gateway } from '@vgw/gateway';
import { listenHttp } from './http-listener.js';

const fullSize = 256 * 1024 * 1024;

/** A download far bigger than the socket buffers, produced only as fast as it is read. */
function endlessDownload(): Response {
  const chunk = new Uint8Array(64 * 1024);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      sent += chunk.byteLength;
      if (sent > fullSize) controller.close();
      else controller.enqueue(chunk);
    },
  });
  return new Response(body, { headers: { 'content-type': 'video/mp4' } });
}

describe('the HTTP listener', () => {
  it('closes a download connection whose reader stalls', async () => {
    const app = { fetch: () => endlessDownload() } as unknown as Gateway['app'];
    const listener = await listenHttp({ app }, '127.0.0.1', 0, { socketIdleTimeoutMs: 300 });
    try {
      const { port } = new URL(listener.url);
      const socket = connect(Number(port), '127.0.0.1');
      socket.write('GET /v1/videos/x/content HTTP/1.1\r\nhost: vgw.test\r\n\r\n');
      socket.pause();
      socket.on('data', () => undefined);
      // A paused client sees no close until it reads again: stall for well past the timeout,
      // then read what is left. A server that kept the socket sends the whole 256 MiB.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      socket.resume();
      await closed;
      expect(socket.bytesRead).toBeGreaterThan(0);
      expect(socket.bytesRead).toBeLessThan(fullSize / 4);
    } finally {
      await listener.close(100);
    }
  });
});
