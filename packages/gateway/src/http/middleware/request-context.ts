import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

export type AppVariables = { requestId: string; projectId: string };

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
    context.header('x-request-id', requestId);
    const duration = (performance.now() - started).toFixed(2);
    context.header('server-timing', `gateway;dur=${duration}`, { append: true });
  };
}
