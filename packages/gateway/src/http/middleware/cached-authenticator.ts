import type { Authenticator } from './authenticate.js';

export interface CachedAuthenticatorOptions {
  ttlMs: number;
  maxEntries?: number;
  now?: () => number;
}

/**
 * Remembers keys that verified for `ttlMs`, so a hot client costs one key lookup a second
 * instead of one per request. Only successes are cached: an unknown key is checked every time.
 * The price is that a revoked key keeps working for at most `ttlMs` (see ADR 0003).
 */
export function cachedAuthenticator(
  inner: Authenticator,
  options: CachedAuthenticatorOptions,
): Authenticator {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 10_000;
  const cache = new Map<string, { projectId: string; expiresAt: number }>();
  return async (token) => {
    const hit = cache.get(token);
    if (hit != null && hit.expiresAt > now()) return { projectId: hit.projectId };
    cache.delete(token);
    const identity = await inner(token);
    if (identity != null && options.ttlMs > 0) {
      if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
      cache.set(token, { projectId: identity.projectId, expiresAt: now() + options.ttlMs });
    }
    return identity;
  };
}
