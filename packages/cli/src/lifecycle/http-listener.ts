import type { AddressInfo } from 'node:net';
import { serve } from '@vgw/gateway';
import type { Gateway, ServerType } from '@vgw/gateway';
import { CliError, systemErrorCode } from '../errors/cli-error.js';

export interface HttpListener {
  /** Where it listens, with the real port when port 0 asked the system to pick one. */
  url: string;
  /** Stops accepting; requests still running after `graceMs` are cut off. */
  close(graceMs: number): Promise<void>;
}

const listenFailures: Record<string, string> = {
  EADDRINUSE: 'the address is already in use',
  EACCES: 'permission denied',
  EADDRNOTAVAIL: 'the address is not available on this machine',
};

function urlOf(address: AddressInfo): string {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

function closeGracefully(server: ServerType, graceMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  if (!('closeAllConnections' in server)) return closed;
  // Idle keep-alive sockets would otherwise hold the server open until clients hang up.
  server.closeIdleConnections();
  const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
  return closed.finally(() => clearTimeout(deadline));
}

/**
 * A connection that moves no bytes either way for this long is closed: a client that stops
 * reading a download (or never finishes sending) would otherwise hold a socket and its buffers
 * for ever. Downloads that progress, however slowly, are not affected.
 */
export const defaultSocketIdleTimeoutMs = 30_000;

/** Serves the gateway's app over HTTP; resolves once listening, fails with a one-line error. */
export function listenHttp(
  gateway: Pick<Gateway, 'app'>,
  hostname: string,
  port: number,
  options: { socketIdleTimeoutMs?: number } = {},
): Promise<HttpListener> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: gateway.app.fetch, hostname, port }, (address) => {
      server.off('error', onError);
      resolve({ url: urlOf(address), close: (graceMs) => closeGracefully(server, graceMs) });
    });
    function onError(error: Error): void {
      const code = systemErrorCode(error);
      const reason = (code != null ? listenFailures[code] : null) ?? error.message;
      reject(new CliError(`cannot listen on ${hostname}:${port}: ${reason}`, { cause: error }));
    }
    server.once('error', onError);
    // Destroys the socket on inactivity (Node's default is no timeout at all).
    server.setTimeout(options.socketIdleTimeoutMs ?? defaultSocketIdleTimeoutMs);
  });
}
