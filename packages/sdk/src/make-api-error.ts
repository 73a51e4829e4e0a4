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
} from './errors.js';
import type { APIErrorInit } from './errors.js';
import type { ErrorObject, PolicyRefusal } from './types.js';

// Long HTML error pages from proxies would drown the useful part of the message.
const MAX_TEXT_IN_MESSAGE = 300;

const errorClassByStatus: Record<number, typeof APIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

function errorClassFor(status: number): typeof APIError {
  if (status >= 500) return InternalServerError;
  return errorClassByStatus[status] ?? APIError;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  // Some servers send numeric codes; keep them rather than dropping them.
  if (typeof value === 'number') return String(value);
  return null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Reads `{ error: { message, type, param, code } }`; null when the body has another shape. */
export function readErrorObject(body: unknown): ErrorObject | null {
  if (!isRecord(body) || !isRecord(body.error)) return null;
  const error = body.error;
  const object: ErrorObject = {
    message: optionalText(error.message) ?? '',
    type: optionalText(error.type),
    param: optionalText(error.param),
    code: optionalText(error.code),
  };
  const policy = readPolicyRefusal(error.policy);
  if (policy != null) object.policy = policy;
  return object;
}

function readPolicyRefusal(value: unknown): PolicyRefusal | null {
  if (!isRecord(value) || typeof value.version !== 'string' || !Array.isArray(value.rules)) {
    return null;
  }
  const stage = value.stage === 'post' || value.stage === 'log-only' ? value.stage : 'pre';
  return {
    version: value.version,
    category: optionalText(value.category),
    rules: value.rules.filter((rule): rule is string => typeof rule === 'string'),
    stage,
  };
}

function describe(status: number, statusText: string, error: ErrorObject | null, text: string) {
  if (error != null && error.message !== '') return `${status} ${error.message}`;
  const label = statusText === '' ? `${status}` : `${status} ${statusText}`;
  const trimmed = text.trim();
  if (trimmed === '') return `${label} (no body)`;
  const shortened =
    trimmed.length > MAX_TEXT_IN_MESSAGE ? `${trimmed.slice(0, MAX_TEXT_IN_MESSAGE)}…` : trimmed;
  return `${label}: ${shortened}`;
}

/** Builds the status-keyed APIError subclass from a status, headers and the raw body text. */
export function makeApiError(
  status: number,
  headers: Headers,
  text: string,
  statusText = '',
): APIError {
  const parsed = parseJson(text);
  const error = readErrorObject(parsed);
  const init: APIErrorInit = {
    status,
    headers,
    body: parsed === undefined ? text : parsed,
    error,
    message: describe(status, statusText, error, text),
  };
  const ErrorClass = errorClassFor(status);
  return new ErrorClass(init);
}

/** Consumes a failed response's body and turns it into an APIError. */
export async function apiErrorFromResponse(response: Response): Promise<APIError> {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    // A body that breaks mid-read still deserves an error that names the status.
    text = error instanceof Error ? `(body unreadable: ${error.message})` : '';
  }
  return makeApiError(response.status, response.headers, text, response.statusText);
}
