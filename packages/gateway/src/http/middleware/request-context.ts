import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';

export type AppVariables = { requestId: string; projectId: string; apiKeyId: string | null };

/**
 * Adds a header to the finished response in place. `context.header()` would rebuild it as
 * `new Response(response.body, response)`, which turns the node adapter's string body into a
 * stream and sends it down the adapter's slow streaming path; that cost a third of a `/healthz`.
 * Headers of a response from `fetch()` are immutable: only then is it rebuilt.
 */
export function addResponseHeader(
  context: Context,
  name: string,
  value: string,
  mode: 'set' | 'append' = 'set',
): void {
  try {
    context.res.headers[mode](name, value);
  } catch {
    context.header(name, value, { append: mode === 'append' });
  }
}

/**
 * Gives every response an `x-request-id` (the caller's, when it sent a sane one) and a
 * `server-timing` entry with the gateway's own time, so a slow call can be told apart from a
 * slow network.
 */
export function requestContext(): MiddlewareHandler<{ Variables: AppVariables }> {
  return async (context, next) => {
    const started = performance.now();
    const incoming = context.req.header('x-request-id');
    const requestId =
      incoming != null && /^[\w.-]{1,128}$/.test(incoming) ? incoming : `req_${randomUUID()}`;
    context.set('requestId', requestId);
    await next();
    addResponseHeader(context, 'x-request-id', requestId);
    const duration = (performance.now() - started).toFixed(2);
    addResponseHeader(context, 'server-timing', `gateway;dur=${duration}`, 'append');
  };
}
