import { ProviderApiError } from '@vgw/spec';
import type { z } from 'zod';
import { retryAfterMs } from './retry-after.js';

export type FetchFunction = (input: string, init?: RequestInit) => Promise<Response>;

export interface ProviderRequest<Schema extends z.ZodType> {
  provider: string;
  /** The env var holding the key, named in auth errors so the fix is obvious. */
  apiKeyVariable: string;
  fetch: FetchFunction;
  url: string;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  headers?: Record<string, string>;
  body?: unknown;
  schema: Schema;
  signal?: AbortSignal;
}

/** Thrown for HTTP errors; carries the provider's delay hint and the parsed error body. */
export class ProviderHttpError extends ProviderApiError {
  readonly httpStatus: number;
  readonly body: unknown;
  constructor(
    provider: string,
    message: string,
    details: {
      httpStatus: number;
      retryable: boolean;
      code: string;
      retryAfterMs: number | null;
      body: unknown;
    },
  ) {
    super(provider, message, {
      status: 502,
      code: details.code,
      retryable: details.retryable,
      retryAfterMs: details.retryAfterMs,
    });
    this.httpStatus = details.httpStatus;
    this.body = details.body;
  }
}

async function readBody(response: Response): Promise<{ text: string; json: unknown }> {
  const text = await response.text();
  try {
    return { text, json: JSON.parse(text) as unknown };
  } catch {
    return { text, json: undefined };
  }
}

/** The `signal` of a request made for a call: absent when the caller gave no abort signal. */
export function abortSignalOf(options: { abortSignal?: AbortSignal }): { signal?: AbortSignal } {
  return options.abortSignal != null ? { signal: options.abortSignal } : {};
}

/**
 * How a refused call is classified: 401/403 are final auth failures (the key is wrong, a retry
 * sends the same key); 408/409/429/5xx may pass on a retry; any other status is a final rejection.
 */
export function httpFailureClass(status: number): { retryable: boolean; code: string } {
  if (status === 401 || status === 403) return { retryable: false, code: 'provider_auth_failed' };
  const retryable = status === 408 || status === 409 || status === 429 || status >= 500;
  const code =
    status === 429
      ? 'provider_rate_limited'
      : status >= 500
        ? 'provider_unavailable'
        : 'provider_rejected';
  return { retryable, code };
}

function httpError(
  request: { provider: string; apiKeyVariable: string },
  response: Response,
  body: { text: string; json: unknown },
) {
  const status = response.status;
  const snippet = body.text.slice(0, 300);
  const common = {
    httpStatus: status,
    retryAfterMs: retryAfterMs(response.headers),
    body: body.json ?? body.text,
  };
  const failure = httpFailureClass(status);
  const message =
    failure.code === 'provider_auth_failed'
      ? `authentication failed (${status}); check ${request.apiKeyVariable}: ${snippet}`
      : `HTTP ${status}: ${snippet}`;
  return new ProviderHttpError(request.provider, message, { ...common, ...failure });
}

/**
 * One HTTP call to a provider, with its answer parsed by the adapter's zod schema. Transport
 * failures, 408/409/429/5xx and malformed bodies are retryable (a status check that fails is a
 * missed check, not a failed render); 4xx are not; 401/403 name the env var to fix.
 */
export async function providerRequest<Schema extends z.ZodType>(
  request: ProviderRequest<Schema>,
): Promise<z.infer<Schema>> {
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
  let body: BodyInit | undefined;
  if (request.body instanceof FormData) body = request.body;
  else if (request.body != null) {
    body = JSON.stringify(request.body);
    headers['content-type'] = 'application/json';
  }
  let response: Response;
  try {
    const init: RequestInit = { method: request.method ?? 'GET', headers };
    if (body != null) init.body = body;
    if (request.signal != null) init.signal = request.signal;
    response = await request.fetch(request.url, init);
  } catch (error) {
    throw new ProviderApiError(request.provider, `request failed: ${(error as Error).message}`, {
      code: 'provider_unreachable',
      retryable: true,
      cause: error,
    });
  }
  const parsedBody = await readBody(response);
  if (!response.ok) throw httpError(request, response, parsedBody);
  const result = request.schema.safeParse(parsedBody.json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ProviderApiError(
      request.provider,
      `unexpected response from ${request.method ?? 'GET'} ${new URL(request.url).pathname}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}; body: ${parsedBody.text.slice(0, 200)}`,
      { code: 'provider_bad_response', retryable: true },
    );
  }
  return result.data;
}
