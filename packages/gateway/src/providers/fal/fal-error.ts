import type { ProviderApiError } from '@vgw/spec';
import { type VideoFailure } from '@vgw/spec';
import { missingApiKey } from '../../provider-http/missing-api-key.js';
import { falProviderName } from './fal-models.js';
import type { FalErrorBody } from './fal-schemas.js';

/** Which gateway input a fal error location names (`["body", "prompt"]` → `prompt`). */
function paramOf(loc: (string | number)[] | undefined, text: string): string | undefined {
  const field = loc?.filter((part) => part !== 'body').at(0);
  if (field === 'prompt' || field === 'negative_prompt') return 'prompt';
  if (field === 'image_url') return 'input_reference';
  if (field === 'output' || field === 'video' || /generated|output/i.test(text)) return 'output';
  return undefined;
}

function textOf(entry: Record<string, unknown>): string {
  return typeof entry.msg === 'string' ? entry.msg : 'the request failed';
}

/**
 * A finished request's error body as a failure: content checks become
 * `content_policy_violation` naming the input; anything else is `render_failed`, retryable only
 * when fal's `X-Fal-Retryable` header says so.
 */
export function falFailure(body: FalErrorBody, retryable: boolean): VideoFailure {
  if (typeof body.detail === 'string') {
    const cancelled = /cancel/i.test(body.detail) || body.error_type === 'request_cancelled';
    return {
      code: cancelled ? 'cancelled' : 'render_failed',
      message: `fal: ${body.detail}${body.error_type != null ? ` (${body.error_type})` : ''}`,
      retryable: cancelled ? false : retryable,
    };
  }
  const entries = body.detail;
  const refused = entries.find((entry) => entry.type === 'content_policy_violation');
  if (refused != null) {
    const failure: VideoFailure = {
      code: 'content_policy_violation',
      message: `fal refused the request: ${textOf(refused)}`,
      retryable: false,
    };
    const param = paramOf(refused.loc, textOf(refused));
    if (param != null) failure.param = param;
    return failure;
  }
  const first = entries[0] ?? {};
  const where = first.loc != null ? ` at ${first.loc.join('.')}` : '';
  return {
    code: 'render_failed',
    message: `fal: ${textOf(first)}${where}${first.type != null ? ` (${first.type})` : ''}`,
    retryable,
  };
}

export function missingKey(): ProviderApiError {
  return missingApiKey(falProviderName, 'no API key; set FAL_KEY');
}
