import { describe, expect, it } from 'vitest';
import type { Queryable } from '../../db/queryable.js';
import { scoreResultFixture } from '../../test-support/score-result-fixture.js';
import { scoresSummaryCache, scoresSummaryCacheOf } from './scores-summary-cache.js';

const scoredAt = new Date('2026-11-25T10:00:00Z');

/** Answers the completed-scores query from `stored`, and records the ids each query asked for. */
function fakeDatabase(stored: Map<string, unknown>) {
  const asked: string[][] = [];
  const database: Queryable = {
    async query<Row>(_sql: string, params: unknown[] = []) {
      const ids = params[0] as string[];
      asked.push(ids);
      const rows = ids
        .filter((id) => stored.has(id))
        .map((id) => ({ video_id: id, result: stored.get(id), completed_at: scoredAt }));
      return { rows: rows as Row[], rowCount: rows.length };
    },
    async exec() {},
  };
  return { database, asked };
}

describe('scoresSummaryCache', () => {
  it('reads a completed score once, and an unscored video every time', async () => {
    const stored = new Map<string, unknown>([['v1', scoreResultFixture(71)]]);
    const { database, asked } = fakeDatabase(stored);
    const cache = scoresSummaryCache(database);
    const first = await cache.summaries(['v1', 'v2']);
    expect(first.get('v1')?.index).toBe(71);
    expect(first.get('v1')?.scored_at).toBe(Math.floor(scoredAt.getTime() / 1000));
    expect(first.has('v2')).toBe(false);
    stored.set('v2', scoreResultFixture(42));
    const second = await cache.summaries(['v1', 'v2']);
    expect(second.get('v1')).toEqual(first.get('v1'));
    expect(second.get('v2')?.index).toBe(42);
    expect(asked).toEqual([['v1', 'v2'], ['v2']]);
    expect((await cache.summaries(['v2', 'v1'])).size).toBe(2);
    expect(asked).toHaveLength(2);
  });

  it('keeps no result that does not parse, so it is read again', async () => {
    const { database, asked } = fakeDatabase(new Map([['v1', { version: 1 }]]));
    const cache = scoresSummaryCache(database);
    expect((await cache.summaries(['v1'])).size).toBe(0);
    expect((await cache.summaries(['v1'])).size).toBe(0);
    expect(asked).toEqual([['v1'], ['v1']]);
  });

  it('forgets the least recently read video when full', async () => {
    const stored = new Map<string, unknown>(
      ['a', 'b', 'c'].map((id, index) => [id, scoreResultFixture(index)]),
    );
    const { database, asked } = fakeDatabase(stored);
    const cache = scoresSummaryCache(database, { maxEntries: 2 });
    await cache.summaries(['a']);
    await cache.summaries(['b']);
    await cache.summaries(['a']);
    await cache.summaries(['c']);
    await cache.summaries(['a']);
    await cache.summaries(['b']);
    expect(asked).toEqual([['a'], ['b'], ['c'], ['b']]);
  });

  it('keeps one cache per database handle', async () => {
    const one = fakeDatabase(new Map([['v1', scoreResultFixture(1)]]));
    const other = fakeDatabase(new Map([['v1', scoreResultFixture(2)]]));
    expect(scoresSummaryCacheOf(one.database)).toBe(scoresSummaryCacheOf(one.database));
    const fromOne = await scoresSummaryCacheOf(one.database).summaries(['v1']);
    const fromOther = await scoresSummaryCacheOf(other.database).summaries(['v1']);
    expect([fromOne.get('v1')?.index, fromOther.get('v1')?.index]).toEqual([1, 2]);
  });
});
