import { GatewayError } from '@vgw/spec';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { PolicyRefusalError } from '../../policy/policy-refusal-error.js';

export interface ErrorLogger {
  error(object: object, message: string): void;
}

export function errorBody(
  message: string,
  type: string,
  param: string | null,
  code: string | null,
) {
  return { error: { message, type, param, code } };
}

/** The one place errors become responses, always in OpenAI's error shape. */
export function renderError(error: unknown, context: Context, logger: ErrorLogger): Response {
  if (error instanceof GatewayError) {
    // An exhausted quota is a 429 that waiting a second does not cure (OpenAI's shape too).
    const quota = error.type === 'insufficient_quota';
    if ((error.status === 429 && !quota) || error.status === 503) {
      const wait = 'retryAfterSeconds' in error ? Number(error.retryAfterSeconds) : 1;
      context.header('retry-after', String(wait));
    }
    const transient = (error.status === 429 && !quota) || error.status === 408;
    if (error.status >= 400 && error.status < 500 && !transient) {
      // A retry would get the same answer; tell clients that honour this header not to try.
      context.header('x-should-retry', 'false');
    }
    const body = errorBody(error.message, error.type, error.param, error.code);
    return context.json(
      error instanceof PolicyRefusalError
        ? { error: { ...body.error, policy: error.policy } }
        : body,
      error.status as ContentfulStatusCode,
    );
  }
  if (error instanceof HTTPException) {
    return context.json(
      errorBody(error.message || 'request rejected', 'invalid_request_error', null, null),
      error.status,
    );
  }
  logger.error(
    { error: String(error), stack: (error as Error)?.stack, requestId: context.get('requestId') },
    'unhandled error',
  );
  return context.json(
    errorBody('internal server error', 'server_error', null, 'internal_error'),
    500,
  );
}
