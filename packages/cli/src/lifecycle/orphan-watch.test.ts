import { describe, expect, it } from 'vitest';
import { watchForOrphaning, type Every } from './orphan-watch.js';

function manualTimer() {
  const checks = new Set<() => void>();
  const every: Every = (_intervalMs, check) => {
    checks.add(check);
    return () => checks.delete(check);
  };
  return { every, tick: () => [...checks].forEach((check) => check()), checks };
}

describe('watchForOrphaning', () => {
  it('fires once when the parent changes, and stops watching', () => {
    let parent = 4242;
    let orphaned = 0;
    const timer = manualTimer();
    watchForOrphaning(() => (orphaned += 1), { parentId: () => parent, every: timer.every });
    timer.tick();
    expect(orphaned).toBe(0);
    parent = 1;
    timer.tick();
    timer.tick();
    expect(orphaned).toBe(1);
    expect(timer.checks.size).toBe(0);
  });

  it('does nothing once stopped', () => {
    let parent = 4242;
    let orphaned = 0;
    const timer = manualTimer();
    const stop = watchForOrphaning(() => (orphaned += 1), {
      parentId: () => parent,
      every: timer.every,
    });
    stop();
    parent = 1;
    timer.tick();
    expect(orphaned).toBe(0);
  });
});
