import type { Authenticator, Identity } from './authenticate.js';

export interface CachedAuthenticatorOptions {
  ttlMs: number;
  maxEntries?: number;
  now?: () => number;
}

interface Verified {
  /** All of it: a cached hit must say who the key is as fully as a lookup (its id too). */
  identity: Identity;
  /** Trusted until then: `ttlMs` after the lookup that verified it began. */
  expiresAt: number;
  /** From then on a request still gets the entry, and one lookup renews it in the background. */
  renewAt: number;
}

/**
 * Remembers keys that verified for `ttlMs`, so a hot client costs one key lookup per half TTL
 * instead of one per request. Only successes are cached: an unknown key is checked every time.
 * The price is that a revoked key keeps working for at most `ttlMs` (see ADR 0003).
 *
 * Lookups of one token share one query, and a hot key is renewed before it expires: when an
 * entry simply lapsed, every request in flight for that client missed at once, each ran its own
 * lookup and waited for it, which took pool connections from the reads and showed up at p99.
 */
export function cachedAuthenticator(
  inner: Authenticator,
  options: CachedAuthenticatorOptions,
): Authenticator {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 10_000;
  const cache = new Map<string, Verified>();
  const pending = new Map<string, Promise<Identity | null>>();

  function remember(token: string, identity: Identity | null, startedAt: number): void {
    cache.delete(token);
    if (identity == null || options.ttlMs <= 0) return;
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
    cache.set(token, {
      identity,
      expiresAt: startedAt + options.ttlMs,
      renewAt: startedAt + options.ttlMs / 2,
    });
  }

  function lookUp(token: string): Promise<Identity | null> {
    const shared = pending.get(token);
    if (shared != null) return shared;
    const startedAt = now();
    const lookup = inner(token)
      .then((identity) => {
        remember(token, identity, startedAt);
        return identity;
      })
      .finally(() => pending.delete(token));
    pending.set(token, lookup);
    return lookup;
  }

  return async (token) => {
    const hit = cache.get(token);
    const at = now();
    if (hit != null && hit.expiresAt > at) {
      // A failed renewal leaves the entry to lapse; a request past that looks up in the open.
      if (at >= hit.renewAt) lookUp(token).catch(() => undefined);
      return hit.identity;
    }
    if (hit != null) cache.delete(token);
    return lookUp(token);
  };
}
