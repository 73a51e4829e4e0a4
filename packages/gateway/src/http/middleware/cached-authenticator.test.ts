import { describe, expect, it } from 'vitest';
import { cachedAuthenticator } from './cached-authenticator.js';

type Identity = { projectId: string } | null;

/** Lookups that answer only when the test says so, counted. */
function controlledLookups() {
  const waiting: Array<{ resolve: (identity: Identity) => void; reject: (error: Error) => void }> =
    [];
  return {
    waiting,
    inner: (_token: string) =>
      new Promise<Identity>((resolve, reject) => waiting.push({ resolve, reject })),
  };
}

/** Lets settled lookups run their continuations (one event-loop turn, no wall-clock wait). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('cachedAuthenticator', () => {
  it('answers a cached hit with the whole identity, key id included', async () => {
    let lookups = 0;
    const authenticator = cachedAuthenticator(
      async () => {
        lookups += 1;
        return { projectId: 'p1', apiKeyId: 'key_1' };
      },
      { ttlMs: 500, now: () => 1_000 },
    );
    expect(await authenticator('good')).toEqual({ projectId: 'p1', apiKeyId: 'key_1' });
    // Budgets per key and rate limits read the id: a hit without it silently skipped both.
    expect(await authenticator('good')).toEqual({ projectId: 'p1', apiKeyId: 'key_1' });
    expect(lookups).toBe(1);
  });

  it('trusts a verified key until the TTL passes, and never caches a failure', async () => {
    let clock = 1_000;
    let lookups = 0;
    let valid = true;
    const authenticator = cachedAuthenticator(
      async (token) => {
        lookups += 1;
        return valid && token === 'good' ? { projectId: 'p1' } : null;
      },
      { ttlMs: 500, now: () => clock },
    );
    expect(await authenticator('good')).toEqual({ projectId: 'p1' });
    clock += 249;
    expect(await authenticator('good')).toEqual({ projectId: 'p1' });
    expect(lookups).toBe(1);
    valid = false;
    clock += 251;
    expect(await authenticator('good')).toBeNull();
    expect(await authenticator('bad')).toBeNull();
    expect(await authenticator('bad')).toBeNull();
    expect(lookups).toBe(4);
  });

  it('renews a hot key from half the TTL on without making a request wait', async () => {
    let clock = 0;
    const { waiting, inner } = controlledLookups();
    const authenticator = cachedAuthenticator(inner, { ttlMs: 1000, now: () => clock });
    const first = authenticator('good');
    waiting[0]?.resolve({ projectId: 'p1' });
    expect(await first).toEqual({ projectId: 'p1' });
    clock = 600;
    expect(await authenticator('good')).toEqual({ projectId: 'p1' });
    clock = 610;
    expect(await authenticator('good')).toEqual({ projectId: 'p1' });
    expect(waiting).toHaveLength(2);
    waiting[1]?.resolve({ projectId: 'p1' });
    await settle();
    // Past the first entry's expiry (1000), inside the renewed one's (600 + 1000).
    clock = 1050;
    expect(await authenticator('good')).toEqual({ projectId: 'p1' });
    expect(waiting).toHaveLength(2);
  });

  it('drops a key at once when its renewal finds it revoked', async () => {
    let clock = 0;
    const { waiting, inner } = controlledLookups();
    const authenticator = cachedAuthenticator(inner, { ttlMs: 1000, now: () => clock });
    const first = authenticator('good');
    waiting[0]?.resolve({ projectId: 'p1' });
    await first;
    clock = 600;
    expect(await authenticator('good')).toEqual({ projectId: 'p1' });
    waiting[1]?.resolve(null);
    await settle();
    const after = authenticator('good');
    expect(waiting).toHaveLength(3);
    waiting[2]?.resolve(null);
    expect(await after).toBeNull();
  });

  it('shares one lookup between concurrent requests for a token, failures included', async () => {
    const { waiting, inner } = controlledLookups();
    const authenticator = cachedAuthenticator(inner, { ttlMs: 1000, now: () => 0 });
    const unknown = [authenticator('bad'), authenticator('bad'), authenticator('bad')];
    expect(waiting).toHaveLength(1);
    waiting[0]?.resolve(null);
    expect(await Promise.all(unknown)).toEqual([null, null, null]);
    const again = authenticator('bad');
    expect(waiting).toHaveLength(2);
    waiting[1]?.resolve(null);
    expect(await again).toBeNull();
  });

  it('fails the requests of a failed lookup, and keeps an entry whose renewal failed', async () => {
    let clock = 0;
    const { waiting, inner } = controlledLookups();
    const authenticator = cachedAuthenticator(inner, { ttlMs: 1000, now: () => clock });
    const failed = authenticator('good');
    waiting[0]?.reject(new Error('database unreachable'));
    await expect(failed).rejects.toThrow('database unreachable');
    const verified = authenticator('good');
    waiting[1]?.resolve({ projectId: 'p1' });
    await verified;
    clock = 600;
    expect(await authenticator('good')).toEqual({ projectId: 'p1' });
    waiting[2]?.reject(new Error('database unreachable'));
    await settle();
    clock = 999;
    expect(await authenticator('good')).toEqual({ projectId: 'p1' });
    waiting[3]?.reject(new Error('database unreachable'));
    await settle();
    clock = 1000;
    const lapsed = authenticator('good');
    expect(waiting).toHaveLength(5);
    waiting[4]?.resolve(null);
    expect(await lapsed).toBeNull();
  });

  it('evicts the oldest entry when full', async () => {
    let lookups = 0;
    const authenticator = cachedAuthenticator(
      async (token) => {
        lookups += 1;
        return { projectId: token };
      },
      { ttlMs: 10_000, maxEntries: 2 },
    );
    await authenticator('a');
    await authenticator('b');
    await authenticator('c');
    await authenticator('b');
    expect(lookups).toBe(3);
    await authenticator('a');
    expect(lookups).toBe(4);
  });
});
