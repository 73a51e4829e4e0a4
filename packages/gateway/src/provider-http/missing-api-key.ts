import { ProviderApiError } from '@vgw/spec';

/**
 * No credential is configured: final (a retry finds none either), and the message names the
 * environment variable that sets it.
 */
export function missingApiKey(provider: string, message: string): ProviderApiError {
  return new ProviderApiError(provider, message, {
    code: 'provider_auth_failed',
    retryable: false,
  });
}
