import { GatewayError } from '@vgw/spec';

/**
 * Hono's body limit errors the stream a handler is reading (bodies without Content-Length);
 * reports that as the 413 it is, naming `body`. Other errors are left to the caller.
 */
export function throwIfBodyTooLarge(error: unknown): void {
  if ((error as Error | null)?.name === 'BodyLimitError') {
    throw new GatewayError('the request body is too large', {
      status: 413,
      code: 'request_too_large',
      param: 'body',
    });
  }
}
