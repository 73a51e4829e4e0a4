/**
 * The fields of a {@link GatewayError}. Subclasses fill most of them; adapters normally construct
 * a subclass ({@link ProviderApiError}, {@link InvalidRequestError}, {@link PolicyViolationError},
 * {@link EngineBusyError}) rather than the base class.
 */
export interface GatewayErrorOptions {
  /**
   * The HTTP status answered when the error reaches an HTTP response (a route, `parseOptions`,
   * `parseWebhook`). For errors thrown by `doStart` / `doStatus` inside a worker it is unused:
   * only `code`, `message`, `param` and `retryable` are recorded on the video.
   */
  status: number;
  /**
   * Machine-readable reason in snake_case (`invalid_value`, `provider_rate_limited`, …): the
   * response's `error.code`, and a failed video's `error.code`. Clients branch on it, so keep
   * one code per meaning.
   */
  code: string;
  /**
   * OpenAI's error `type` in the response body. Defaults to `invalid_request_error`;
   * {@link ProviderApiError} uses `api_error`.
   */
  type?: string;
  /**
   * The request parameter the error concerns, in the gateway's names (`prompt`, `size`,
   * `input_reference`, `provider_options.<provider>.<key>`), or null when it concerns none.
   * Defaults to null. Becomes `error.param` of the response or of the failed video.
   */
  param?: string | null;
  /**
   * Whether the same call may succeed if made again later; defaults to false. The worker acts
   * on it: a retryable `doStart` failure is retried under the same start key, a retryable
   * `doStatus` failure is a missed check; a non-retryable one fails the video at once.
   */
  retryable?: boolean;
  /** The underlying error, kept as `Error.cause` for logs; never sent to clients. */
  cause?: unknown;
}

/**
 * The one base error: anything the gateway or an adapter throws on purpose extends it. One HTTP
 * handler renders it in OpenAI's error shape (`{ error: { message, type, param, code } }`) with
 * `status`; it adds `retry-after: 1` to a 429 or 503, and `x-should-retry: false` to any other
 * 4xx except 408. In a worker, `toFailure` turns it into the video's failure (code, message,
 * param, retryable).
 *
 * Anything thrown that is not a GatewayError is a 500 `internal_error` over HTTP, and a
 * retryable failure in a worker (a bug in an adapter must not burn a paid render), so adapters
 * should throw these classes for every failure they anticipate.
 *
 * `message` is shown to the API caller: a plain sentence naming what failed and, where useful,
 * how to fix it; never credentials. `name` is the concrete class name (`InvalidRequestError`, …).
 */
export class GatewayError extends Error {
  /** HTTP status of the response; see {@link GatewayErrorOptions.status}. */
  readonly status: number;
  /** Machine-readable reason; see {@link GatewayErrorOptions.code}. */
  readonly code: string;
  /** OpenAI error type; `invalid_request_error` unless the options said otherwise. */
  readonly type: string;
  /** The request parameter concerned, or null; see {@link GatewayErrorOptions.param}. */
  readonly param: string | null;
  /** Whether trying again later may succeed; see {@link GatewayErrorOptions.retryable}. */
  readonly retryable: boolean;

  /**
   * @param message - shown to the caller as `error.message`
   * @param options - status, code and the optional fields, defaulted as documented on each
   */
  constructor(message: string, options: GatewayErrorOptions) {
    super(message, options.cause != null ? { cause: options.cause } : undefined);
    this.name = new.target.name;
    this.status = options.status;
    this.code = options.code;
    this.type = options.type ?? 'invalid_request_error';
    this.param = options.param ?? null;
    this.retryable = options.retryable ?? false;
  }
}

/**
 * 400: the request cannot be served as sent, and sending it again unchanged gets the same
 * answer (never retryable).
 *
 * The gateway throws it for request validation; adapters throw it from `parseOptions` and
 * `doStart` for a bad `provider_options.<provider>` value (param
 * `provider_options.<provider>.<key>`, code `unknown_parameter` or `invalid_value`) or a value
 * the engine cannot render. Thrown from `doStart`, it fails the video with this code, message
 * and param, without a retry.
 */
export class InvalidRequestError extends GatewayError {
  /**
   * @param message - what is wrong and what would be accepted
   * @param param - the offending parameter in the gateway's names, or null
   * @param code - defaults to `invalid_value`; e.g. `unknown_parameter`,
   *   `missing_required_parameter`, `model_not_found`
   */
  constructor(message: string, param: string | null, code = 'invalid_value') {
    super(message, { status: 400, code, param });
  }
}

/**
 * 401 `invalid_api_key`: the caller could not be identified. The gateway throws it for a missing
 * or unknown API key; an adapter's `parseWebhook` throws it when the webhook secret is missing or
 * malformed, a signature header is missing, the timestamp is outside its window, or the signature
 * does not verify.
 */
export class AuthenticationError extends GatewayError {
  /** @param message - what was missing or wrong; never echo the key or secret itself */
  constructor(message: string) {
    super(message, { status: 401, code: 'invalid_api_key' });
  }
}

/**
 * 404 `not_found`: the named resource does not exist for this caller (an unknown or deleted
 * video, a provider that takes no webhooks). Thrown by the gateway's routes; adapters report a
 * render the provider no longer knows as a failed status or a {@link ProviderApiError} instead.
 */
export class NotFoundError extends GatewayError {
  /**
   * @param message - which resource was not found
   * @param param - the parameter that named it (e.g. `video_id`); defaults to null
   */
  constructor(message: string, param: string | null = null) {
    super(message, { status: 404, code: 'not_found', param });
  }
}

/**
 * 409 `idempotency_key_reused`, param `Idempotency-Key`: the key was already used for a request
 * with a different body, or for a video that has since been deleted. Thrown by the gateway's
 * create step; the client must send a new key. Unrelated to the start key adapters receive.
 */
export class IdempotencyConflictError extends GatewayError {
  /** @param message - why the key cannot be replayed */
  constructor(message: string) {
    super(message, { status: 409, code: 'idempotency_key_reused', param: 'Idempotency-Key' });
  }
}

/**
 * 409 `conflict`: the request is well formed but conflicts with the current state or
 * configuration of the gateway, so it fails until that changes (e.g. `POST
 * /v1/videos/{id}/scores` while scoring is disabled). Thrown by the gateway's routes.
 */
export class ConflictError extends GatewayError {
  /**
   * @param message - what conflicts, and the setting or state that would resolve it
   * @param param - the parameter concerned (e.g. `video_id`); defaults to null
   */
  constructor(message: string, param: string | null = null) {
    super(message, { status: 409, code: 'conflict', param });
  }
}

/**
 * A call to the provider (or to the engine behind an adapter) failed: the error adapters throw
 * most. The type is `api_error`, the status 502 unless given, and the message is prefixed with
 * `<provider>: ` so an operator sees which engine failed.
 *
 * `retryable` has no default because it decides what happens next:
 * - thrown by `doStart`: retryable → started again later under the same start key (at most
 *   `videos.maxStartAttempts` attempts, default 3, then the video fails `start_failed`); not
 *   retryable → the video fails with this code and message.
 * - thrown by `doStatus`: retryable → a missed check, checked again with backoff (12 failures in
 *   a row fail the video); not retryable → the video fails.
 *
 * Make 401/403 (a wrong key), 4xx rejections and unreadable stored operations non-retryable;
 * transport failures, 408/409/429/5xx and malformed responses retryable.
 *
 * @example
 * ```ts
 * if (response.status === 429) {
 *   throw new ProviderApiError('acme', 'HTTP 429: rate limited', {
 *     code: 'provider_rate_limited',
 *     retryable: true,
 *     retryAfterMs: 5_000,
 *   });
 * }
 * ```
 */
export class ProviderApiError extends GatewayError {
  /** The engine's name (`VideoModelV1.provider`), also the prefix of `message`. */
  readonly provider: string;
  /**
   * The provider's own delay hint (Retry-After), in milliseconds, when it gave one; null
   * otherwise. The gateway waits that long (at most 300 s) before the next try instead of its own
   * backoff (0.5 s doubling to 30 s).
   */
  readonly retryAfterMs: number | null;
  /**
   * @param provider - the engine's name, prefixed to the message
   * @param message - what failed, e.g. `HTTP 503: upstream overloaded`
   * @param options - `retryable` (required); `status` (default 502); `code` (default
   *   `provider_error`); `cause`; `retryAfterMs` in milliseconds (default null)
   */
  constructor(
    provider: string,
    message: string,
    options: {
      status?: number;
      code?: string;
      retryable: boolean;
      cause?: unknown;
      retryAfterMs?: number | null;
    },
  ) {
    super(`${provider}: ${message}`, {
      status: options.status ?? 502,
      code: options.code ?? 'provider_error',
      type: 'api_error',
      retryable: options.retryable,
      cause: options.cause,
    });
    this.provider = provider;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}

/**
 * 400 `content_policy_violation`: the provider's moderation refused the request. Thrown by
 * `doStart` when the refusal comes at submission; the video fails at once (never retryable: the
 * same input is refused again). A refusal found later, during the render, is reported by
 * `doStatus` as a failed status with the same code instead.
 */
export class PolicyViolationError extends GatewayError {
  /**
   * @param message - the provider's reason, as far as it gave one
   * @param param - what was refused: `prompt`, `input_reference` or `output`; null when the
   *   provider does not say
   */
  constructor(message: string, param: string | null) {
    super(message, { status: 400, code: 'content_policy_violation', param });
  }
}

/**
 * Thrown by `doStart` when the engine refused before anything was started or billed (its own
 * capacity is full). The gateway gives the start attempt back and tries again after
 * `retryAfterMs` under the same start key, so a queue longer than the engine's capacity waits
 * instead of failing (the video's deadline still applies).
 *
 * Throw it only when certain that nothing began: if the engine may have accepted the job, throw a
 * retryable {@link ProviderApiError} instead, which counts as an attempt. The delay is used as
 * given (not capped), so keep it to seconds.
 *
 * @example
 * ```ts
 * if (running >= maxConcurrent) {
 *   throw new EngineBusyError('local', `all ${maxConcurrent} render slots are busy`, 2_000);
 * }
 * ```
 */
export class EngineBusyError extends ProviderApiError {
  /**
   * @param provider - the engine's name
   * @param message - why it is busy (recorded with the deferred start)
   * @param retryAfterMs - how long to wait before the next try, in milliseconds
   */
  constructor(provider: string, message: string, retryAfterMs: number) {
    super(provider, message, { status: 503, code: 'engine_busy', retryable: true, retryAfterMs });
  }
}
