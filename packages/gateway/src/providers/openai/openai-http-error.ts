import { httpFailureClass, ProviderHttpError } from '../../provider-http/provider-http.js';
import { retryAfterMs } from '../../provider-http/retry-after.js';
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
  const failure = httpFailureClass(status);
  const message =
    failure.code === 'provider_auth_failed'
      ? `authentication failed (${status}) downloading the video; check ${openaiApiKeyVariable}: ${snippet}`
      : `video download answered HTTP ${status}: ${snippet}`;
  return new ProviderHttpError(openaiProviderName, message, { ...common, ...failure });
}
