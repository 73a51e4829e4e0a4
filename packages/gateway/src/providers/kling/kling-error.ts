import { PolicyViolationError, ProviderApiError, type GatewayError } from '@vgw/spec';
import { ProviderHttpError } from '../../provider-http/provider-http.js';
import { klingEnvelopeSchema } from './kling-schemas.js';

export const klingCredentialVariables = ['KLING_ACCESS_KEY', 'KLING_SECRET_KEY'];
const provider = 'kling';

interface CodeContext {
  /** The input a refusal concerns, when only one was sent. */
  param: string | null;
  retryAfterMs: number | null;
}

function rejected(message: string, code: string, retryable: boolean, context: CodeContext) {
  return new ProviderApiError(provider, message, {
    code,
    retryable,
    retryAfterMs: context.retryAfterMs,
  });
}

/**
 * Kling's documented business codes (docs/providers.md §6.5). They come on HTTP errors and on
 * HTTP 200 alike, so both paths share this table.
 */
export function klingCodeError(code: number, text: string, context: CodeContext): GatewayError {
  const detail = `${text} (code ${code})`;
  if (code >= 1000 && code <= 1004) {
    return rejected(
      `authentication failed; check ${klingCredentialVariables.join(' and ')}: ${detail}`,
      'provider_auth_failed',
      false,
      context,
    );
  }
  if (code >= 1100 && code <= 1102) {
    return rejected(
      `the Kling account cannot be billed (suspended, in arrears or out of resource packs): ${detail}`,
      'provider_quota_exceeded',
      false,
      context,
    );
  }
  if (code === 1103)
    return rejected(`not allowed: ${detail}`, 'provider_auth_failed', false, context);
  if (code === 1300 || code === 1301) {
    return new PolicyViolationError(`kling: refused by content policy: ${detail}`, context.param);
  }
  if (code === 1302 || code === 1303) {
    return rejected(`rate or concurrency limit: ${detail}`, 'provider_rate_limited', true, context);
  }
  if (code >= 5000 && code <= 5999) {
    return rejected(`server error: ${detail}`, 'provider_unavailable', true, context);
  }
  // 1200–1203 (bad parameters, unknown model), 1304 (IP allow-list) and anything undocumented.
  return rejected(`request rejected: ${detail}`, 'provider_rejected', false, context);
}

/** Re-reads an HTTP error's body as Kling's envelope, so its code decides, not only the status. */
export function klingHttpError(error: unknown, param: string | null): unknown {
  if (!(error instanceof ProviderHttpError)) return error;
  const envelope = klingEnvelopeSchema.safeParse(error.body);
  if (!envelope.success || envelope.data.code === 0) return error;
  return klingCodeError(envelope.data.code, envelope.data.message ?? `HTTP ${error.httpStatus}`, {
    param,
    retryAfterMs: error.retryAfterMs,
  });
}

/** Kling reports output moderation only as text in `task_status_msg`. */
export function isKlingModerationMessage(text: string): boolean {
  return /content (security|policy)|risk control|sensitive|violat/i.test(text);
}
