import { describe, expect, it } from 'vitest';
import type { WorkerTimers } from './timers.js';
import { WakeSignal } from './wake-signal.js';

function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 0;
  const timers: WorkerTimers = {
    setTimeout: (callback) => {
      next += 1;
      pending.set(next, callback);
      return next;
    },
    clearTimeout: (handle) => void pending.delete(handle as number),
    setInterval: () => 0,
    clearInterval: () => undefined,
  };
  return { timers, pending };
}

describe('WakeSignal', () => {
  it('resolves a wait on signal and cancels its timer', async () => {
    const { timers, pending } = manualTimers();
    const wake = new WakeSignal(timers);
    const waiting = wake.wait(1000);
    expect(pending.size).toBe(1);
    wake.signal();
    await waiting;
    expect(pending.size).toBe(0);
  });

  it('keeps a signal that came before the wait, unless reset', async () => {
    const { timers, pending } = manualTimers();
    const wake = new WakeSignal(timers);
    wake.signal();
    await wake.wait(1000);
    expect(pending.size).toBe(0);
    wake.signal();
    wake.reset();
    const waiting = wake.wait(1000);
    expect(pending.size).toBe(1);
    for (const fire of pending.values()) fire();
    await waiting;
  });
});
