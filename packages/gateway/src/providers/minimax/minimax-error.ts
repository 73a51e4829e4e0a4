import { PolicyViolationError, ProviderApiError, type GatewayError } from '@vgw/spec';
import { ProviderHttpError } from '../../provider-http/provider-http.js';
import { baseRespSchema, v2ErrorSchema, type BaseResp } from './minimax-schemas.js';

export const minimaxKeyVariable = 'MINIMAX_API_KEY';
const provider = 'minimax';

function providerError(message: string, code: string, retryable: boolean) {
  return new ProviderApiError(provider, message, { code, retryable });
}

/**
 * MiniMax's `base_resp.status_code` values (docs/providers.md §7.1, UNVERIFIED: from memory of
 * MiniMax's docs). `param` is the input a refusal of the input concerns, when only one was sent.
 */
export function minimaxCodeError(code: number, text: string, param: string | null): GatewayError {
  const detail = `${text} (status_code ${code})`;
  switch (code) {
    case 1002:
      return providerError(`rate limited: ${detail}`, 'provider_rate_limited', true);
    case 1004:
      return providerError(
        `authentication failed; check ${minimaxKeyVariable}: ${detail}`,
        'provider_auth_failed',
        false,
      );
    case 1008:
      return providerError(`insufficient balance: ${detail}`, 'provider_quota_exceeded', false);
    case 1026:
      return new PolicyViolationError(`minimax: the input was refused: ${detail}`, param);
    case 1027:
      return new PolicyViolationError(`minimax: the output was refused: ${detail}`, 'output');
    case 1000:
    case 1001:
      return providerError(`server error or timeout: ${detail}`, 'provider_unavailable', true);
    default:
      // 2013 (invalid parameters) and anything undocumented: resending will not help.
      return providerError(`request rejected: ${detail}`, 'provider_rejected', false);
  }
}

/** Throws when an HTTP 200 answer carries a non-zero status code. */
export function checkBaseResp(baseResp: BaseResp | null | undefined, param: string | null): void {
  if (baseResp == null || baseResp.status_code === 0) return;
  throw minimaxCodeError(baseResp.status_code, baseResp.status_msg ?? 'no message', param);
}

/** MiniMax reports refusals only as text (v2 `error`) or as 1026/1027 (v1). */
export function isMinimaxPolicyText(text: string): boolean {
  return /sensitive|content[ _]?policy|moderat|violat/i.test(text);
}

/**
 * Re-reads a 4xx body: a base_resp code or a v2 policy refusal says more than the status. 429 and
 * 5xx stay as they are, keeping their Retry-After.
 */
export function minimaxHttpError(error: unknown, param: string | null): unknown {
  if (!(error instanceof ProviderHttpError)) return error;
  const body = error.body as { base_resp?: unknown } | null;
  const baseResp = baseRespSchema.safeParse(body?.base_resp);
  if (baseResp.success && baseResp.data.status_code !== 0 && !error.retryable) {
    return minimaxCodeError(baseResp.data.status_code, baseResp.data.status_msg ?? '', param);
  }
  const v2 = v2ErrorSchema.safeParse(error.body);
  const text = v2.success ? `${v2.data.error?.type ?? ''} ${v2.data.error?.message ?? ''}` : '';
  if (error.httpStatus === 400 && isMinimaxPolicyText(text)) {
    return new PolicyViolationError(`minimax: refused by content policy: ${text.trim()}`, param);
  }
  return error;
}
