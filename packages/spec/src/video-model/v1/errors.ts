export interface GatewayErrorOptions {
  status: number;
  code: string;
  type?: string;
  param?: string | null;
  retryable?: boolean;
  cause?: unknown;
}

/** The one base error. Routes throw these; one handler renders them in OpenAI's error shape. */
export class GatewayError extends Error {
  readonly status: number;
  readonly code: string;
  readonly type: string;
  readonly param: string | null;
  readonly retryable: boolean;

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

export class InvalidRequestError extends GatewayError {
  constructor(message: string, param: string | null, code = 'invalid_value') {
    super(message, { status: 400, code, param });
  }
}

export class AuthenticationError extends GatewayError {
  constructor(message: string) {
    super(message, { status: 401, code: 'invalid_api_key' });
  }
}

export class NotFoundError extends GatewayError {
  constructor(message: string, param: string | null = null) {
    super(message, { status: 404, code: 'not_found', param });
  }
}

export class IdempotencyConflictError extends GatewayError {
  constructor(message: string) {
    super(message, { status: 409, code: 'idempotency_key_reused', param: 'Idempotency-Key' });
  }
}

export class ConflictError extends GatewayError {
  constructor(message: string, param: string | null = null) {
    super(message, { status: 409, code: 'conflict', param });
  }
}

export class ProviderApiError extends GatewayError {
  readonly provider: string;
  /** The provider's own delay hint (Retry-After), when it gave one. */
  readonly retryAfterMs: number | null;
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

export class PolicyViolationError extends GatewayError {
  constructor(message: string, param: string | null) {
    super(message, { status: 400, code: 'content_policy_violation', param });
  }
}

export class BudgetExceededError extends GatewayError {
  constructor(message: string) {
    super(message, { status: 402, code: 'budget_exceeded', type: 'insufficient_quota' });
  }
}

/**
 * Thrown by `doStart` when the engine refused before anything was started or billed (its own
 * capacity is full). The gateway tries again after `retryAfterMs` without counting a start
 * attempt, so a queue longer than the engine's capacity waits instead of failing.
 */
export class EngineBusyError extends ProviderApiError {
  constructor(provider: string, message: string, retryAfterMs: number) {
    super(provider, message, { status: 503, code: 'engine_busy', retryable: true, retryAfterMs });
  }
}
