import { describe, expect, it } from 'vitest';
import { mapWithConcurrency } from './map-with-concurrency.js';

/** A promise the test resolves by hand, so the order of events is fixed without timers. */
function deferred() {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('mapWithConcurrency', () => {
  it('keeps at most `limit` in flight and results in item order', async () => {
    const gates = [deferred(), deferred(), deferred(), deferred()];
    let inFlight = 0;
    let peak = 0;
    const started: number[] = [];
    const running = mapWithConcurrency([0, 1, 2, 3], 2, async (item) => {
      started.push(item);
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await gates[item]?.promise;
      inFlight -= 1;
      return item * 10;
    });
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    gates[1]?.resolve();
    gates[3]?.resolve();
    gates[0]?.resolve();
    gates[2]?.resolve();
    expect(await running).toEqual([0, 10, 20, 30]);
    expect(peak).toBe(2);
  });

  it('rethrows a failure after the others settle', async () => {
    const seen: number[] = [];
    const running = mapWithConcurrency([1, 2, 3], 2, async (item) => {
      seen.push(item);
      if (item === 1) throw new Error('one failed');
      return item;
    });
    await expect(running).rejects.toThrow('one failed');
    expect(seen).toEqual([1, 2, 3]);
  });

  it('handles no items', async () => {
    expect(await mapWithConcurrency([], 2, async () => 1)).toEqual([]);
  });
});
