import { describe, expect, it } from 'vitest';
import { APIUserAbortError } from './errors.js';
import { sleep } from './sleep.js';

describe('default sleep', () => {
  it('resolves after the delay', async () => {
    await expect(sleep(0)).resolves.toBeUndefined();
  });

  it('rejects at once for an already-aborted signal', async () => {
    await expect(sleep(60_000, AbortSignal.abort())).rejects.toBeInstanceOf(APIUserAbortError);
  });

  it('rejects as soon as the signal aborts, without waiting out the delay', async () => {
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(APIUserAbortError);
  });
});
