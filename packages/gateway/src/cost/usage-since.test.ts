import { describe, expect, it } from 'vitest';
import { parseUsageSince } from './usage-since.js';

describe('parseUsageSince', () => {
  it.each([
    ['30m', { secondsAgo: 1_800 }],
    ['24h', { secondsAgo: 86_400 }],
    ['7d', { secondsAgo: 604_800 }],
    ['2w', { secondsAgo: 1_209_600 }],
    ['2026-11-01', { at: new Date('2026-11-01T00:00:00Z') }],
    ['2026-11-01T09:30:00+01:00', { at: new Date('2026-11-01T08:30:00Z') }],
  ])('reads %s', (text, since) => {
    expect(parseUsageSince(text)).toEqual(since);
  });

  it.each(['', '7', 'd', '0d', '7 days', '-7d', '2026-13-01', '2026-11-01T09:30:00', 'yesterday'])(
    'refuses %j',
    (text) => {
      expect(() => parseUsageSince(text)).toThrow(/^since must be a span back from now/);
    },
  );
});
