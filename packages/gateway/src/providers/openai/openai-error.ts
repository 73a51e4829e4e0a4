import { PolicyViolationError, type VideoFailure } from '@vgw/spec';
import { ProviderHttpError } from '../../provider-http/provider-http.js';
import { errorBodySchema } from './openai-schemas.js';
import type { VideoObject } from './openai-schemas.js';

/**
 * Codes meaning "refused by moderation". OpenAI's image APIs use `moderation_blocked`; Sora is
 * assumed to do the same [UNVERIFIED, providers.md §1.3], the others are defensive aliases.
 */
const moderationCodes = new Set([
  'moderation_blocked',
  'content_policy_violation',
  'content_filter',
]);

/** Failure codes after which a fresh render may well succeed (OpenAI's own trouble). */
const transientCodes = new Set(['server_error', 'internal_error']);

/** The inputs a refusal can concern, in the gateway's parameter names. */
const knownParams = new Set(['prompt', 'input_reference']);

/** Maps a `status: "failed"` video to the gateway's failure. */
export function videoFailure(video: VideoObject): VideoFailure {
  const code = video.error?.code ?? null;
  const message = video.error?.message ?? 'the render failed without an error message';
  if (code != null && moderationCodes.has(code)) {
    // The video object says nothing about which input (or the output) was refused.
    return {
      code: 'content_policy_violation',
      message: `OpenAI refused the video: ${message}`,
      retryable: false,
    };
  }
  return {
    code: 'render_failed',
    message: `OpenAI render failed${code != null ? ` (${code})` : ''}: ${message}`,
    retryable: code != null && transientCodes.has(code),
  };
}

/**
 * A create answered 400 because moderation refused an input: the gateway's policy error, naming
 * the input when OpenAI's `param` says which. Any other error is returned unchanged.
 */
export function mapCreateError(error: unknown): unknown {
  if (!(error instanceof ProviderHttpError) || error.httpStatus !== 400) return error;
  const body = errorBodySchema.safeParse(error.body);
  if (!body.success) return error;
  const { code, message, param } = body.data.error;
  if (code == null || !moderationCodes.has(code)) return error;
  const named = param != null && knownParams.has(param) ? param : null;
  return new PolicyViolationError(
    `OpenAI refused the request: ${message ?? 'blocked by moderation'}`,
    named,
  );
}
