import { InvalidRequestError } from '@vgw/spec';
import type { z } from 'zod';

/** The `param` an options error names: the key's path under `provider_options.<provider>`. */
export function providerOptionsParam(provider: string, key: string): string {
  return key === '' ? `provider_options.${provider}` : `provider_options.${provider}.${key}`;
}

export interface ProviderOptionsErrorContext {
  /** The keys the schema takes, listed when a key is unknown. */
  allowed: string;
  /** Narrows where the unknown key was looked up (MiniMax's options depend on the model). */
  scope?: string;
  /** Whether an unknown key inside a nested object is named with its parent path (`a.b`). */
  nestedPath?: boolean;
}

/**
 * The 400 for `provider_options.<provider>` that its strict schema refused: it names the first
 * offending key, so a misspelt option is reported instead of silently ignored.
 */
export function providerOptionsError(
  provider: string,
  error: z.ZodError,
  context: ProviderOptionsErrorContext,
): InvalidRequestError {
  const issue = error.issues[0];
  if (issue == null) {
    return new InvalidRequestError(
      `invalid provider_options.${provider}`,
      providerOptionsParam(provider, ''),
    );
  }
  if (issue.code === 'unrecognized_keys') {
    const parent = context.nestedPath === true ? issue.path.map(String) : [];
    const key = [...parent, issue.keys[0] ?? ''].filter((part) => part !== '').join('.');
    const scope = context.scope != null ? ` ${context.scope}` : '';
    return new InvalidRequestError(
      `unknown option "${key}" in provider_options.${provider}${scope}; allowed: ${context.allowed}`,
      providerOptionsParam(provider, key),
      'unknown_parameter',
    );
  }
  const key = issue.path.map(String).join('.');
  return new InvalidRequestError(
    `invalid provider_options.${provider}.${key}: ${issue.message}`,
    providerOptionsParam(provider, key),
  );
}
