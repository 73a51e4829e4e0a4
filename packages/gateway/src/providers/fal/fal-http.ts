import type { z } from 'zod';
import { providerRequest, type FetchFunction } from '../../provider-http/provider-http.js';
import type { ProviderSettings } from '../provider-definition.js';
import { missingKey } from './fal-error.js';
import { falApiKeyVariable, falDefaultBaseURL, falProviderName } from './fal-models.js';

export function falBase(settings: ProviderSettings): string {
  return (settings.baseURL ?? falDefaultBaseURL).replace(/\/+$/, '');
}

function authorization(settings: ProviderSettings): string {
  if (settings.apiKey == null || settings.apiKey === '') throw missingKey();
  // fal's scheme word is `Key`, not `Bearer`.
  return `Key ${settings.apiKey}`;
}

/** One JSON call to fal's queue; `onResponse` sees the raw response (for X-Fal-Retryable). */
export function falRequest<Schema extends z.ZodType>(
  settings: ProviderSettings,
  request: {
    method: 'GET' | 'POST';
    url: string;
    schema: Schema;
    body?: unknown;
    signal?: AbortSignal;
    onResponse?: (response: Response) => void;
  },
): Promise<z.infer<Schema>> {
  const { onResponse, ...rest } = request;
  const fetch: FetchFunction =
    onResponse == null
      ? settings.fetch
      : async (url, init) => {
          const response = await settings.fetch(url, init);
          onResponse(response);
          return response;
        };
  return providerRequest({
    provider: falProviderName,
    apiKeyVariable: falApiKeyVariable,
    fetch,
    headers: { authorization: authorization(settings) },
    ...rest,
  });
}

/**
 * `PUT …/requests/{id}/cancel`. providerRequest has no PUT, and the answer (202
 * CANCELLATION_REQUESTED, or 400 ALREADY_COMPLETED) needs no parsing: a cancel is best effort.
 */
export async function falCancelRequest(settings: ProviderSettings, url: string): Promise<boolean> {
  const response = await settings.fetch(url, {
    method: 'PUT',
    headers: { authorization: authorization(settings), accept: 'application/json' },
  });
  await response.body?.cancel();
  return response.ok;
}
