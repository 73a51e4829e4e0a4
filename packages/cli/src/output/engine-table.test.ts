import { describe, expect, it } from 'vitest';
import { renderEngineTable } from './engine-table.js';

const capabilities = {
  durations: { kind: 'set', seconds: [4, 8] },
  sizes: { kind: 'set', values: ['1280x720'] },
  fps: { values: [24] },
  price: { microUsdPerSecond: 100_000 },
};

describe('the engines table', () => {
  it("shows each model's breaker: closed, open with until when, half-open with failures", () => {
    const table = renderEngineTable([
      {
        id: 'a',
        configured: true,
        capabilities,
        health: { state: 'closed', consecutive_failures: 0 },
      },
      {
        id: 'b',
        configured: true,
        capabilities,
        health: { state: 'open', consecutive_failures: 5, open_until: 1_800_000_000 },
      },
      {
        id: 'c',
        configured: true,
        capabilities,
        health: { state: 'half_open', consecutive_failures: 5 },
      },
    ]);
    const lines = table.trim().split('\n');
    expect(lines[0]).toMatch(/HEALTH\s*$/);
    expect(lines[1]).toMatch(/closed\s*$/);
    expect(lines[2]).toMatch(/open until 2027-01-15T08:00:00.000Z \(5 failures\)\s*$/);
    expect(lines[3]).toMatch(/half_open \(5 failures\)\s*$/);
  });
});
