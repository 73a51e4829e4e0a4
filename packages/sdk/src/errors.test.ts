import { describe, expect, it } from 'vitest';
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
  VgwError,
} from './errors.js';
import { makeApiError } from './make-api-error.js';
import { createTestClient, errorResponse } from './test-support/fake-fetch.js';

const cases = [
  [400, BadRequestError],
  [401, AuthenticationError],
  [403, PermissionDeniedError],
  [404, NotFoundError],
  [409, ConflictError],
  [422, UnprocessableEntityError],
  [429, RateLimitError],
  [500, InternalServerError],
  [503, InternalServerError],
] as const;

describe('errors by status', () => {
  it.each(cases)('%i → %o with param, code, type and request id', async (status, ErrorClass) => {
    // maxRetries 0 so that retryable statuses surface at once.
    const { client } = createTestClient(
      [
        errorResponse(
          status,
          { message: 'seconds must be one of 4, 8, 12', param: 'seconds', code: 'invalid_value' },
          { 'x-request-id': 'req_123' },
        ),
      ],
      { maxRetries: 0 },
    );
    const error = await client.videos.create({ prompt: 'a' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toBeInstanceOf(VgwError);
    if (!(error instanceof APIError)) return;
    expect(error.name).toBe(ErrorClass.name);
    expect(error.status).toBe(status);
    expect(error.param).toBe('seconds');
    expect(error.code).toBe('invalid_value');
    expect(error.type).toBe('invalid_request_error');
    expect(error.requestId).toBe('req_123');
    expect(error.message).toBe(`${status} seconds must be one of 4, 8, 12`);
    expect(error.error).toEqual({
      message: 'seconds must be one of 4, 8, 12',
      type: 'invalid_request_error',
      param: 'seconds',
      code: 'invalid_value',
    });
    expect(error.headers.get('x-request-id')).toBe('req_123');
  });

  it('an unlisted status is a plain APIError', () => {
    const error = makeApiError(418, new Headers(), '{"error":{"message":"teapot"}}');
    expect(error.constructor).toBe(APIError);
    expect(error.message).toBe('418 teapot');
    expect(error.code).toBeNull();
    expect(error.requestId).toBeNull();
  });

  it('a non-JSON body still gives a useful message and keeps the text', async () => {
    const html = '<html><body>502 Bad Gateway</body></html>';
    const { client } = createTestClient(
      [new Response(html, { status: 502, statusText: 'Bad Gateway' })],
      { maxRetries: 0 },
    );
    const error = await client.videos.retrieve('video_1').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InternalServerError);
    if (!(error instanceof APIError)) return;
    expect(error.message).toBe(`502 Bad Gateway: ${html}`);
    expect(error.body).toBe(html);
    expect(error.error).toBeNull();
    expect(error.code).toBeNull();
  });

  it('an empty body says so', () => {
    expect(makeApiError(404, new Headers(), '').message).toBe('404 (no body)');
    expect(makeApiError(404, new Headers(), '', 'Not Found').message).toBe(
      '404 Not Found (no body)',
    );
  });

  it('a long text body is shortened in the message but kept whole', () => {
    const text = 'x'.repeat(1000);
    const error = makeApiError(500, new Headers(), text);
    expect(error.message.length).toBeLessThan(400);
    expect(error.body).toBe(text);
  });

  it('JSON without an error object keeps the body and describes it', () => {
    const error = makeApiError(400, new Headers(), '{"detail":"bad"}');
    expect(error.body).toEqual({ detail: 'bad' });
    expect(error.message).toBe('400: {"detail":"bad"}');
  });
});
