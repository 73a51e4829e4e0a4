import { describe, expect, it } from 'vitest';
import { cachedAuthenticator } from './cached-authenticator.js';

describe('cachedAuthenticator', () => {
  it('reuses a success until the TTL passes, and never caches a failure', async () => {
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
    expect(await authenticator('good')).toEqual({ projectId: 'p1' });
    expect(lookups).toBe(1);
    valid = false;
    clock += 499;
    expect(await authenticator('good')).toEqual({ projectId: 'p1' });
    clock += 1;
    expect(await authenticator('good')).toBeNull();
    expect(await authenticator('bad')).toBeNull();
    expect(await authenticator('bad')).toBeNull();
    expect(lookups).toBe(4);
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
