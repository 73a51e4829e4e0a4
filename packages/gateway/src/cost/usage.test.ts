import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../auth/api-keys.js';
import { createFakeVideoModel } from '../test-support/fake-video-model.js';
import { testDatabaseKinds } from '../test-support/test-databases.js';
import { createTestGateway, type TestGateway } from '../test-support/test-gateway.js';

const day = 86_400;
const start = Date.UTC(2026, 10, 1) / 1000;
const days = 5;

/** A small seeded generator (mulberry32): each history is random, and reproducible by its seed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value ^= value + Math.imul(value ^ (value >>> 7), 61 | value);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Entry {
  video: string;
  kind: 'reserve' | 'settle' | 'at_risk';
  amount: number;
  at: number;
  model: string;
  provider: string;
  key: string | null;
}

function history(seed: number, keys: string[]): Entry[] {
  const next = random(seed);
  const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)] as T;
  const entries: Entry[] = [];
  for (let index = 0; index < 40; index += 1) {
    const video = {
      video: `video_${seed}_${index}`,
      model: pick(['m/a', 'm/b']),
      provider: pick(['p1', 'p2']),
      key: pick([null, ...keys]),
    };
    // Some fall before or after the range, to prove they are left out.
    const reservedAt = start - day + Math.floor(next() * (days + 2) * day);
    const amount = Math.floor(next() * 2_000_000);
    entries.push({ ...video, kind: 'reserve', amount, at: reservedAt });
    const ending = next();
    const endedAt = reservedAt + Math.floor(next() * 2 * day);
    if (ending < 0.5)
      entries.push({ ...video, kind: 'settle', amount: Math.floor(next() * amount), at: endedAt });
    else if (ending < 0.7) entries.push({ ...video, kind: 'at_risk', amount, at: endedAt });
  }
  return entries;
}

type Totals = { spent: number; atRisk: number; reserved: number; attempts: number };

/** The usage the ledger implies, computed here independently of the gateway's SQL. */
function expected(entries: Entry[], groupBy: string[]): Map<string, Totals> {
  const ended = new Set(
    entries.filter((entry) => entry.kind !== 'reserve').map((entry) => entry.video),
  );
  const totals = new Map<string, Totals>();
  for (const entry of entries) {
    if (entry.at < start || entry.at >= start + days * day) continue;
    if (entry.kind === 'reserve' && ended.has(entry.video)) continue;
    const name = [
      Math.floor((entry.at - start) / day),
      ...groupBy.map((group) => (entry as any)[group] ?? null),
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

  async function record(entries: Entry[]) {
    const database = gateway.test.database;
    await database.query('delete from ledger_entries');
    await database.query('delete from videos');
    for (const entry of entries.filter((each) => each.kind === 'reserve')) {
      await database.query(
        `insert into videos (id, project_id, model, provider, status, prompt, seconds, size, fps,
           start_key, deadline_at, api_key_id)
         values ($1, $2, $3, $4, 'queued', 'p', 4, '1280x720', 24, $1, now(), $5)`,
        [entry.video, gateway.projectId, entry.model, entry.provider, entry.key],
      );
    }
    for (const entry of entries) {
      await database.query(
        `insert into ledger_entries (at, project_id, api_key_id, video_id, kind, amount_micro_usd, basis)
         values (to_timestamp($1), $2, $3, $4, $5, $6, 'list_price')`,
        [entry.at, gateway.projectId, entry.key, entry.video, entry.kind, entry.amount],
      );
    }
  }

  it('sums equal the ledger sums exactly, per day and group, over random histories', async () => {
    const groupings = [[], ['model'], ['provider', 'key'], ['model', 'provider', 'key']];
    for (let seed = 1; seed <= 6; seed += 1) {
      const entries = history(seed, keys);
      await record(entries);
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
        expected(entries, groupBy),
      );
    }
  });

  it("shows a key only its own project's usage", async () => {
    await record(history(7, keys));
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
