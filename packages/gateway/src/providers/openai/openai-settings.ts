import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type { ProviderSettings } from '../provider-definition.js';

export const openaiDefaultBaseURL = 'https://api.openai.com/v1';
export const openaiApiKeyVariable = 'OPENAI_API_KEY';

/** Config-level options for the adapter (`settings.options`), not per request. */
const configOptionsSchema = z.strictObject({
  /** Where finished videos are downloaded before the gateway stores them. */
  downloadDir: z.string().min(1).optional(),
  /** The project webhook's `whsec_…` signing secret; without it webhooks are refused. */
  webhookSecret: z.string().min(1).optional(),
});

export interface OpenaiSettings extends ProviderSettings {
  /** The API root, always ending in the version segment (`…/v1`), without a trailing slash. */
  apiRoot: string;
  downloadDir: string;
}

/**
 * A bare origin (`http://127.0.0.1:4010`, an emulator or another vgw) means its `/v1` root;
 * a URL with a path (`https://proxy.example/openai/v1`) is taken as the API root, as the
 * OpenAI SDKs do with `baseURL`.
 */
export function apiRootOf(baseURL: string | null): string {
  const url = new URL(baseURL ?? openaiDefaultBaseURL);
  const path = url.pathname.replace(/\/+$/, '');
  url.pathname = path === '' ? '/v1' : path;
  url.search = '';
  url.hash = '';
  return url.toString().replace(/\/+$/, '');
}

export function resolveOpenaiSettings(settings: ProviderSettings): OpenaiSettings {
  const parsed = configOptionsSchema.safeParse(settings.options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `invalid options for the openai provider: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`,
    );
  }
  const options = parsed.data;
  return {
    ...settings,
    apiRoot: apiRootOf(settings.baseURL),
    downloadDir: options.downloadDir ?? join(tmpdir(), 'vgw-openai'),
  };
}
