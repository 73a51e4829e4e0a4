import { PolicyViolationError, type VideoFailure } from '@vgw/spec';
import { ProviderHttpError } from '../../provider-http/provider-http.js';
import { lumaErrorBodySchema } from './luma-schemas.js';

/**
 * Luma reports refusals only as free text (`failure_reason`, or `detail` on a 400), so
 * moderation is recognised by its wording; anything else is an ordinary render failure.
 */
const moderationWords = /moderation|content policy|not allowed|nsfw|inappropriate|violat|unsafe/i;

/** Which input a refusal names, when its text says so. */
function refusedInput(text: string): string | undefined {
  if (/image|frame|keyframe/i.test(text)) return 'input_reference';
  if (/prompt/i.test(text)) return 'prompt';
  if (/output|generated|result|video/i.test(text)) return 'output';
  return undefined;
}

export function isModerationText(text: string): boolean {
  return moderationWords.test(text);
}

/** Maps a `failed` generation's `failure_reason` to the gateway's failure. */
export function lumaFailure(reason: string | null | undefined): VideoFailure {
  const text = reason != null && reason.trim() !== '' ? reason : 'the generation failed';
  if (isModerationText(text)) {
    const failure: VideoFailure = {
      code: 'content_policy_violation',
      message: `luma refused the request: ${text}`,
      retryable: false,
    };
    const param = refusedInput(text);
    if (param != null) failure.param = param;
    return failure;
  }
  // Luma gives no retry hint; a failed dream is not known to succeed when repeated.
  return { code: 'render_failed', message: `luma: ${text}`, retryable: false };
}

/** A 400 on create whose `detail` is a moderation refusal becomes a policy error naming the input. */
export function lumaStartError(error: unknown): unknown {
  if (!(error instanceof ProviderHttpError) || error.httpStatus !== 400) return error;
  const body = lumaErrorBodySchema.safeParse(error.body);
  if (!body.success || typeof body.data.detail !== 'string') return error;
  if (!isModerationText(body.data.detail)) return error;
  return new PolicyViolationError(
    `luma refused the request: ${body.data.detail}`,
    refusedInput(body.data.detail) ?? 'prompt',
  );
}
