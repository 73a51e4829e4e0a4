import { ProviderApiError } from '@vgw/spec';
import type { z } from 'zod';
import { missingApiKey } from '../../provider-http/missing-api-key.js';
import { providerRequest } from '../../provider-http/provider-http.js';
import type { ProviderSettings } from '../provider-definition.js';
import { minimaxHttpError, minimaxKeyVariable } from './minimax-error.js';
import { minimaxProviderName } from './minimax-models.js';

export const minimaxDefaultBaseURL = 'https://api.minimax.io';

export interface MinimaxCall<Schema extends z.ZodType> {
  path: string;
  schema: Schema;
  method?: 'GET' | 'POST';
  body?: unknown;
  signal?: AbortSignal;
  /** The input a refusal concerns, for errors raised from this call. */
  param: string | null;
}

/** One authenticated JSON call; HTTP errors are re-read for MiniMax's own codes. */
export async function minimaxCall<Schema extends z.ZodType>(
  settings: ProviderSettings,
  call: MinimaxCall<Schema>,
): Promise<z.infer<Schema>> {
  if (settings.apiKey == null || settings.apiKey === '') {
    throw missingApiKey(minimaxProviderName, `no API key; set ${minimaxKeyVariable}`);
  }
  const baseURL = (settings.baseURL ?? minimaxDefaultBaseURL).replace(/\/+$/, '');
  try {
    return await providerRequest({
      provider: minimaxProviderName,
      apiKeyVariable: minimaxKeyVariable,
      fetch: settings.fetch,
      url: `${baseURL}${call.path}`,
      method: call.method ?? 'GET',
      headers: { authorization: `Bearer ${settings.apiKey}` },
      schema: call.schema,
      ...(call.body != null ? { body: call.body } : {}),
      ...(call.signal != null ? { signal: call.signal } : {}),
    });
  } catch (error) {
    throw minimaxHttpError(error, call.param);
  }
}

export function minimaxBadResponse(message: string): ProviderApiError {
  return new ProviderApiError(minimaxProviderName, message, {
    code: 'provider_bad_response',
    retryable: true,
  });
}
