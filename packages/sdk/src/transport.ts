import type { FetchFunction, RequestOptions, SleepFunction } from './client-options.js';
import { APIConnectionError, APIConnectionTimeoutError, VgwError } from './errors.js';
import { apiErrorFromResponse } from './make-api-error.js';
import { retryDelayMs, shouldRetryResponse } from './retry.js';
import { throwIfAborted } from './sleep.js';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined;

export interface ApiRequest {
  method: HttpMethod;
  /** Relative to the base URL, starting with `/`. */
  path: string;
  query?: Record<string, QueryValue> | undefined;
  /** FormData goes as multipart (fetch sets the boundary); anything else as JSON. */
  body?: object | undefined;
  accept?: string;
  /** Keep the caller's signal linked after the headers arrive, so aborting stops a download. */
  streamBody?: boolean;
  options?: RequestOptions | undefined;
}

export interface TransportSettings {
  baseURL: string;
  apiKey: string;
  fetch: FetchFunction;
  maxRetries: number;
  timeoutMs: number;
  defaultHeaders: Record<string, string>;
  sleep: SleepFunction;
  now: () => number;
  random: () => number;
}

export interface JsonResult<Body> {
  body: Body;
  /** Kept so callers can read headers such as `openai-poll-after-ms` and `x-request-id`. */
  response: Response;
}

function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // undici reports "fetch failed" and hides the useful part (ECONNREFUSED, …) in `cause`.
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}

function encodeBody(body: object | undefined): BodyInit | undefined {
  if (body == null) return undefined;
  if (body instanceof FormData) return body;
  return JSON.stringify(body);
}

/** Sends requests to the gateway: URL, headers, timeout, retries, and errors by status. */
export class Transport {
  private readonly settings: TransportSettings;

  constructor(settings: TransportSettings) {
    // A trailing slash would otherwise double up with each path's leading one.
    this.settings = { ...settings, baseURL: settings.baseURL.replace(/\/+$/, '') };
  }

  /** Sends the request, retrying per the retry rules; resolves only with a 2xx response. */
  async send(request: ApiRequest): Promise<Response> {
    const url = this.buildUrl(request.path, request.query);
    // Built once, so every retry repeats the same Idempotency-Key and the server can dedupe.
    const init: RequestInit = { method: request.method, headers: this.buildHeaders(request) };
    const body = encodeBody(request.body);
    if (body != null) init.body = body;
    const maxRetries = request.options?.maxRetries ?? this.settings.maxRetries;
    const signal = request.options?.signal;
    for (let retryIndex = 0; ; retryIndex += 1) {
      const outcome = await this.attempt(url, init, request);
      const mayRetry = retryIndex < maxRetries;
      if (outcome instanceof APIConnectionError) {
        if (!mayRetry) throw outcome;
        await this.waitBeforeRetry(retryIndex, undefined, signal);
        continue;
      }
      if (outcome.ok) return outcome;
      if (!mayRetry || !shouldRetryResponse(outcome)) throw await apiErrorFromResponse(outcome);
      // The body of a response we will not read would otherwise hold the connection.
      await outcome.body?.cancel().catch(() => undefined);
      await this.waitBeforeRetry(retryIndex, outcome.headers, signal);
    }
  }

  /** Sends the request and parses the JSON body. */
  async json<Body>(request: ApiRequest): Promise<JsonResult<Body>> {
    const response = await this.send(request);
    const text = await response.text();
    try {
      return { body: JSON.parse(text) as Body, response };
    } catch (error) {
      const preview = text.length > 200 ? `${text.slice(0, 200)}…` : text;
      throw new VgwError(
        `Expected JSON from ${request.method} ${request.path} (status ${response.status}), got: ${preview}`,
        { cause: error },
      );
    }
  }

  private buildUrl(path: string, query: Record<string, QueryValue> | undefined): string {
    const url = new URL(`${this.settings.baseURL}${path}`);
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value != null) url.searchParams.set(name, String(value));
    }
    return url.toString();
  }

  private buildHeaders(request: ApiRequest): Headers {
    const headers = new Headers({
      authorization: `Bearer ${this.settings.apiKey}`,
      accept: request.accept ?? 'application/json',
    });
    if (request.body != null && !(request.body instanceof FormData)) {
      headers.set('content-type', 'application/json');
    }
    for (const [name, value] of Object.entries(this.settings.defaultHeaders)) {
      headers.set(name, value);
    }
    for (const [name, value] of Object.entries(request.options?.headers ?? {})) {
      headers.set(name, value);
    }
    if (request.method === 'POST') {
      // POSTs are retried, so each carries a key that lets the gateway replay instead of redo.
      const key =
        request.options?.idempotencyKey ?? headers.get('idempotency-key') ?? crypto.randomUUID();
      headers.set('idempotency-key', key);
    }
    return headers;
  }

  private async attempt(
    url: string,
    init: RequestInit,
    request: ApiRequest,
  ): Promise<Response | APIConnectionError> {
    const userSignal = request.options?.signal;
    throwIfAborted(userSignal);
    const timeoutMs = request.options?.timeoutMs ?? this.settings.timeoutMs;
    const controller = new AbortController();
    const abortFromUser = () => controller.abort(userSignal?.reason);
    userSignal?.addEventListener('abort', abortFromUser, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    let keepLinked = false;
    try {
      // Called unbound: browsers reject a fetch invoked with another object as `this`.
      const fetchFunction = this.settings.fetch;
      const response = await fetchFunction(url, { ...init, signal: controller.signal });
      keepLinked = request.streamBody === true;
      return response;
    } catch (error) {
      throwIfAborted(userSignal);
      if (timedOut) return new APIConnectionTimeoutError(timeoutMs, { cause: error });
      return new APIConnectionError(`Connection error: ${describeCause(error)}`, { cause: error });
    } finally {
      // The timeout covers waiting for headers only; a long download must not be cut off.
      clearTimeout(timer);
      // Unlinking stops listeners piling up on a signal reused across many polls.
      if (!keepLinked) userSignal?.removeEventListener('abort', abortFromUser);
    }
  }

  private async waitBeforeRetry(
    retryIndex: number,
    headers: Headers | undefined,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    const delay = retryDelayMs({
      headers,
      retryIndex,
      nowMs: this.settings.now(),
      random: this.settings.random,
    });
    await this.settings.sleep(delay, signal);
    throwIfAborted(signal);
  }
}
