import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../auth/api-keys.js';
import { createFakeVideoModel } from '../test-support/fake-video-model.js';
import {
  flatEntries,
  randomHistory,
  recordHistory,
  type FlatEntry,
  type HistoryVideo,
} from '../test-support/ledger-history.js';
import { testDatabaseKinds } from '../test-support/test-databases.js';
import { createTestGateway, type TestGateway } from '../test-support/test-gateway.js';

const day = 86_400;
const start = Date.UTC(2026, 10, 1) / 1000;
const days = 5;

type Totals = { spent: number; atRisk: number; reserved: number; attempts: number };

/** What each entry is grouped by: model and provider are its attempt's, not the video's. */
function groupValue(entry: FlatEntry, group: string): string | null {
  if (group === 'model') return entry.attempt.model;
  if (group === 'provider') return entry.attempt.provider;
  return entry.video.key;
}

/** The usage the ledger implies, computed here independently of the gateway's SQL. */
function expected(videos: HistoryVideo[], groupBy: string[]): Map<string, Totals> {
  const entries = flatEntries(videos);
  const ended = new Set(
    entries.filter((entry) => entry.kind !== 'reserve').map((entry) => entry.attempt),
  );
  const totals = new Map<string, Totals>();
  for (const entry of entries) {
    if (entry.at < start || entry.at >= start + days * day) continue;
    if (entry.kind === 'reserve' && ended.has(entry.attempt)) continue;
    const name = [
      Math.floor((entry.at - start) / day),
      ...groupBy.map((group) => groupValue(entry, group)),
    ].join('|');
    const sum = totals.get(name) ?? { spent: 0, atRisk: 0, reserved: 0, attempts: 0 };
    if (entry.kind === 'reserve') sum.reserved += entry.amount;
    else {
      sum.spent += entry.amount;
      sum.attempts += 1;
      if (entry.kind === 'at_risk') sum.atRisk += entry.amount;
    }
    totals.set(name, sum);
  }
  return totals;
}

const micro = (usd: string) => Math.round(Number(usd) * 1_000_000);

describe.each(testDatabaseKinds())('GET /v1/usage on %s', (kind) => {
  let gateway: TestGateway;
  let keys: string[];
  beforeAll(async () => {
    gateway = await createTestGateway(kind, [createFakeVideoModel()]);
    const more = await createApiKey(gateway.test.database, 'test-project');
    const { rows } = await gateway.test.database.query<{ id: string }>(
      'select id from api_keys order by id',
    );
    keys = rows.map((row) => row.id);
    expect(keys).toContain(more.id);
  });
  afterAll(() => gateway.dispose());

  // Some fall before or after the range, to prove they are left out.
  const history = (seed: number) =>
    randomHistory(seed, { keys, from: start - day, spanSeconds: (days + 2) * day });
  const record = (videos: HistoryVideo[]) =>
    recordHistory(gateway.test.database, gateway.projectId, videos);

  it("sums equal the ledger sums exactly, per day and group (the attempt's model), over random histories", async () => {
    const groupings = [[], ['model'], ['provider', 'key'], ['model', 'provider', 'key']];
    for (let seed = 1; seed <= 6; seed += 1) {
      const videos = history(seed);
      await record(videos);
      const groupBy = groupings[seed % groupings.length] as string[];
      const query = new URLSearchParams({
        start_time: String(start),
        end_time: String(start + days * day),
      });
      for (const group of groupBy) query.append('group_by', group);
      const response = await gateway.app.request(`/v1/usage?${query}`, gateway.authorized());
      expect(response.status).toBe(200);
      const page = (await response.json()) as { object: string; data: any[] };
      expect(page.object).toBe('page');
      expect(page.data).toHaveLength(days);
      const actual = new Map<string, Totals>();
      page.data.forEach((bucket, index) => {
        expect(bucket.start_time).toBe(start + index * day);
        for (const result of bucket.results) {
          const values = groupBy.map((group) => result[group === 'key' ? 'api_key_id' : group]);
          actual.set([index, ...values].join('|'), {
            spent: micro(result.amount_usd),
            atRisk: micro(result.at_risk_usd),
            reserved: micro(result.reserved_usd),
            attempts: result.attempts,
          });
        }
      });
      expect(actual, `seed ${seed}, group_by ${groupBy.join(',')}`).toEqual(
        expected(videos, groupBy),
      );
    }
  });

  it("shows a key only its own project's usage", async () => {
    await record(history(7));
    const stranger = await createApiKey(gateway.test.database, 'another-project');
    const response = await gateway.app.request(`/v1/usage?start_time=${start}&limit=${days}`, {
      headers: { authorization: `Bearer ${stranger.key}` },
    });
    const page = (await response.json()) as { data: { results: unknown[] }[] };
    expect(page.data).toHaveLength(days);
    expect(page.data.every((bucket) => bucket.results.length === 0)).toBe(true);
  });

  it('refuses a bad query, naming the parameter', async () => {
    for (const [query, param] of [
      ['', 'start_time'],
      [`start_time=${start}&bucket_width=1h`, 'bucket_width'],
      [`start_time=${start}&group_by=colour`, 'group_by'],
      [`start_time=${start}&end_time=${start}`, 'end_time'],
      [`start_time=${start}&limit=999`, 'limit'],
      ['start_time=yesterday', 'start_time'],
    ] as const) {
      const response = await gateway.app.request(`/v1/usage?${query}`, gateway.authorized());
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { error: { param: string } }).error.param).toBe(param);
    }
  });
});
