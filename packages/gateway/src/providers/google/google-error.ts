import { PolicyViolationError, ProviderApiError, type VideoFailure } from '@vgw/spec';
import { ProviderHttpError } from '../../provider-http/provider-http.js';
import { googleErrorBodySchema, type GoogleStatus } from './google-schemas.js';

export const googleApiKeyVariable = 'GEMINI_API_KEY';

/** gRPC codes by number; operation errors carry these, HTTP errors the HTTP status. */
const canonicalCodes: Record<number, string> = {
  1: 'CANCELLED',
  3: 'INVALID_ARGUMENT',
  4: 'DEADLINE_EXCEEDED',
  8: 'RESOURCE_EXHAUSTED',
  9: 'FAILED_PRECONDITION',
  10: 'ABORTED',
  13: 'INTERNAL',
  14: 'UNAVAILABLE',
};

/** Failures after which a fresh start may well succeed. */
const transientStatuses = new Set([
  'DEADLINE_EXCEEDED',
  'RESOURCE_EXHAUSTED',
  'ABORTED',
  'INTERNAL',
  'UNAVAILABLE',
]);

/** Google words its refusals ("usage guidelines", "Responsible AI", "may violate our policies"). */
const policyWording = /polic|safety|usage guidelines|responsible ai|\brai\b|prohibited|sensitive/i;

/**
 * Which input a refusal names, from its wording (Google gives no structured field): "image" →
 * input_reference, "prompt" → prompt, else the fallback (`output` for filtered media, whose
 * filter ran on the generated video; `prompt` for an operation error, raised before rendering).
 */
export function refusedParam(texts: string[], fallback: 'prompt' | 'output'): string {
  const text = texts.join(' ').toLowerCase();
  if (/\bimages?\b|first frame/.test(text)) return 'input_reference';
  if (/\bprompt\b/.test(text)) return 'prompt';
  return fallback;
}

/** A finished operation's `error` as the gateway's failure. */
export function operationFailure(status: GoogleStatus): VideoFailure {
  const canonical = status.status ?? canonicalCodes[status.code] ?? String(status.code);
  const message = `Veo: ${status.message} (${canonical})`;
  if (policyWording.test(status.message)) {
    return {
      code: 'content_policy_violation',
      message,
      retryable: false,
      param: refusedParam([status.message], 'prompt'),
    };
  }
  if (canonical === 'CANCELLED') return { code: 'cancelled', message, retryable: false };
  return { code: 'render_failed', message, retryable: transientStatuses.has(canonical) };
}

/** `done` with filtered counts and no video: Veo's safety filters removed the output. */
export function filteredFailure(count: number, reasons: string[]): VideoFailure {
  const why = reasons.length > 0 ? reasons.join('; ') : 'no reason given';
  return {
    code: 'content_policy_violation',
    message: `Veo filtered ${count} video(s) for safety: ${why}`,
    retryable: false,
    param: refusedParam(reasons, 'output'),
  };
}

function isInvalidKey(body: unknown): boolean {
  const parsed = googleErrorBodySchema.safeParse(body);
  if (!parsed.success) return false;
  const { message, details } = parsed.data.error;
  return (
    /api key not valid/i.test(message) || JSON.stringify(details ?? []).includes('API_KEY_INVALID')
  );
}

/**
 * Google answers a wrong key with 400 INVALID_ARGUMENT (reason API_KEY_INVALID), not 401, and a
 * refused prompt with a 400 naming its policy; both get the error the gateway needs.
 */
export function mapGoogleError(error: unknown): unknown {
  if (!(error instanceof ProviderHttpError) || error.httpStatus !== 400) return error;
  if (isInvalidKey(error.body)) {
    return new ProviderApiError(
      'google',
      `the API key was refused; check ${googleApiKeyVariable}`,
      {
        code: 'provider_auth_failed',
        retryable: false,
        cause: error,
      },
    );
  }
  const parsed = googleErrorBodySchema.safeParse(error.body);
  if (parsed.success && policyWording.test(parsed.data.error.message)) {
    const message = parsed.data.error.message;
    return new PolicyViolationError(`Veo: ${message}`, refusedParam([message], 'prompt'));
  }
  return error;
}
