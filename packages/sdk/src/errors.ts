import type { ErrorObject, PolicyRefusal, Video } from './types.js';

/** The base of every error this SDK throws, so callers can catch them all with one check. */
export class VgwError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    // new.target keeps subclass names right without each class repeating its own name.
    this.name = new.target.name;
  }
}

export interface APIErrorInit {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or the raw text when the body was not JSON. */
  body: unknown;
  error: ErrorObject | null;
  message: string;
}

/** The gateway answered with a non-2xx status. */
export class APIError extends VgwError {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
  readonly error: ErrorObject | null;
  readonly code: string | null;
  readonly type: string | null;
  readonly param: string | null;
  /** On a `content_policy_violation`: the policy version, category and rules that refused. */
  readonly policy: PolicyRefusal | null;
  /** The gateway's `x-request-id`, to quote when reporting a problem. */
  readonly requestId: string | null;

  constructor(init: APIErrorInit) {
    super(init.message);
    this.status = init.status;
    this.headers = init.headers;
    this.body = init.body;
    this.error = init.error;
    this.code = init.error?.code ?? null;
    this.type = init.error?.type ?? null;
    this.param = init.error?.param ?? null;
    this.policy = init.error?.policy ?? null;
    this.requestId = init.headers.get('x-request-id');
  }
}

export class BadRequestError extends APIError {}
export class AuthenticationError extends APIError {}
export class PermissionDeniedError extends APIError {}
export class NotFoundError extends APIError {}
export class ConflictError extends APIError {}
export class UnprocessableEntityError extends APIError {}
export class RateLimitError extends APIError {}
export class InternalServerError extends APIError {}

/** No response arrived: DNS, refused connection, reset socket. */
export class APIConnectionError extends VgwError {
  constructor(message = 'Connection error.', options?: ErrorOptions) {
    super(message, options);
  }
}

/** No response headers arrived within the request timeout. */
export class APIConnectionTimeoutError extends APIConnectionError {
  constructor(timeoutMs: number, options?: ErrorOptions) {
    super(`Request timed out after ${timeoutMs} ms.`, options);
  }
}

/** The caller's AbortSignal fired. */
export class APIUserAbortError extends VgwError {
  constructor(message = 'Request was aborted.') {
    super(message);
  }
}

/** A poll gave up because the video did not finish within the allowed time. */
export class PollTimeoutError extends VgwError {
  readonly videoId: string;
  /** The last state seen, so a caller can keep polling later with `videos.poll(videoId)`. */
  readonly video: Video;
  readonly timeoutMs: number;

  constructor(video: Video, timeoutMs: number) {
    super(
      `Video ${video.id} is still ${video.status} (${video.progress}%) after ${timeoutMs} ms of polling.`,
    );
    this.videoId = video.id;
    this.video = video;
    this.timeoutMs = timeoutMs;
  }
}
