import { ProviderHttpError } from '../../provider-utils/provider-http.js';
import { retryAfterMs } from '../../provider-utils/retry-after.js';
import { openaiProviderName } from './openai-models.js';
import { openaiApiKeyVariable } from './openai-settings.js';

/**
 * The error for a failed binary download, classified like `providerRequest` classifies JSON
 * calls: 401/403 name the env var and are final; 408/409/429/5xx are retryable with the hint.
 */
export async function contentHttpError(response: Response): Promise<ProviderHttpError> {
  const text = await response.text().catch(() => '');
  const status = response.status;
  let body: unknown = text;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    // Not JSON: keep the text.
  }
  const common = { httpStatus: status, retryAfterMs: retryAfterMs(response.headers), body };
  const snippet = text.slice(0, 300);
  if (status === 401 || status === 403) {
    return new ProviderHttpError(
      openaiProviderName,
      `authentication failed (${status}) downloading the video; check ${openaiApiKeyVariable}: ${snippet}`,
      { ...common, retryable: false, code: 'provider_auth_failed' },
    );
  }
  const retryable = status === 408 || status === 409 || status === 429 || status >= 500;
  const code =
    status === 429
      ? 'provider_rate_limited'
      : status >= 500
        ? 'provider_unavailable'
        : 'provider_rejected';
  return new ProviderHttpError(
    openaiProviderName,
    `video download answered HTTP ${status}: ${snippet}`,
    { ...common, retryable, code },
  );
}
