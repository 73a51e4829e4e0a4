import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../auth/api-keys.js';
import {
  flatEntries,
  randomHistory,
  recordHistory,
  type FlatEntry,
  type HistoryVideo,
} from '../test-support/ledger-history.js';
import {
  openTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '../test-support/test-databases.js';
import { usageReport, usageReportGroups, type UsageReportLine } from './usage-report.js';
import { parseUsageSince } from './usage-since.js';

const day = 86_400;
const from = Date.UTC(2026, 10, 1) / 1000;
/** Histories span about two weeks from `from`; the report starts in the middle of them. */
const since = from + 4 * day + 3_600;

type Figures = Omit<UsageReportLine, 'spentMicroUsd' | 'costPerFinishedSecondMicroUsd'>;

const zero = (): Figures & { videoIds: Set<string> } => ({
  videos: 0,
  attempts: 0,
  finishedSeconds: 0,
  settledMicroUsd: 0,
  atRiskMicroUsd: 0,
  openMicroUsd: 0,
  failureMicroUsd: 0,
  neverDownloadedMicroUsd: 0,
  upstreamRejections: 0,
  videoIds: new Set(),
});

function groupValue(entry: FlatEntry, group: string | null): string | null {
  if (group === 'model') return entry.attempt.model;
  if (group === 'provider') return entry.attempt.provider;
  if (group === 'key') return entry.video.key;
  if (group === 'route') return entry.video.route;
  return null;
}

/** Adds one attempt's counted entry to a group's figures, by the report's definitions. */
function add(sum: ReturnType<typeof zero>, entry: FlatEntry) {
  sum.videoIds.add(entry.video.id);
  sum.videos = sum.videoIds.size;
  sum.attempts += 1;
  if (entry.kind === 'reserve') return void (sum.openMicroUsd += entry.amount);
  if (entry.kind === 'settle') sum.settledMicroUsd += entry.amount;
  else sum.atRiskMicroUsd += entry.amount;
  const { status } = entry.attempt;
  if (status === 'completed') sum.finishedSeconds += entry.video.seconds;
  if (status === 'failed' || status === 'rejected') sum.failureMicroUsd += entry.amount;
  if (entry.video.status === 'completed' && !entry.video.downloaded) {
    sum.neverDownloadedMicroUsd += entry.amount;
  }
}

/** The report the history implies, worked out here without the gateway's SQL. */
function expected(videos: HistoryVideo[], group: string | null) {
  const entries = flatEntries(videos);
  const ended = new Set(entries.filter((entry) => entry.kind !== 'reserve').map((e) => e.attempt));
  const groups = new Map<string | null, ReturnType<typeof zero>>();
  const totals = zero();
  for (const entry of entries) {
    if (entry.at < since) continue;
    if (entry.kind === 'reserve' && ended.has(entry.attempt)) continue;
    const name = groupValue(entry, group);
    const sum = groups.get(name) ?? zero();
    add(sum, entry);
    add(totals, entry);
    groups.set(name, sum);
  }
  const plain = ({ videoIds: _ids, ...figures }: ReturnType<typeof zero>) => figures;
  return {
    groups:
      group == null ? new Map() : new Map([...groups].map(([name, sum]) => [name, plain(sum)])),
    totals: plain(totals),
  };
}

function figuresOf(report: UsageReportLine): Figures {
  const { spentMicroUsd, costPerFinishedSecondMicroUsd, ...figures } = report;
  expect(spentMicroUsd).toBe(figures.settledMicroUsd + figures.atRiskMicroUsd);
  expect(costPerFinishedSecondMicroUsd).toBe(
    figures.finishedSeconds > 0 ? Math.round(spentMicroUsd / figures.finishedSeconds) : null,
  );
  return figures;
}

describe.each(testDatabaseKinds())('the usage report on %s', (kind) => {
  let test: TestDatabase;
  let projectId: string;
  let keys: string[];
  beforeAll(async () => {
    test = await openTestDatabase(kind);
    const first = await createApiKey(test.database, 'studio');
    const second = await createApiKey(test.database, 'studio');
    projectId = first.projectId;
    keys = [first.id, second.id];
  });
  afterAll(() => test.dispose());

  /** The ledger's own sums since the report's start, each attempt by its money-holding entry. */
  async function ledgerSums() {
    const { rows } = await test.database.query<Record<string, string | number>>(
      `select
         coalesce(sum(amount_micro_usd) filter (where kind = 'settle'), 0) as settled,
         coalesce(sum(amount_micro_usd) filter (where kind = 'at_risk'), 0) as at_risk,
         coalesce(sum(amount_micro_usd) filter (where kind = 'reserve' and not exists (
           select 1 from ledger_entries ending where ending.video_id = r.video_id
             and ending.attempt = r.attempt and ending.kind <> 'reserve')), 0) as open
       from ledger_entries r where project_id = $1 and at >= to_timestamp($2)`,
      [projectId, since],
    );
    const row = rows[0] as Record<string, string | number>;
    return { settled: Number(row.settled), atRisk: Number(row.at_risk), open: Number(row.open) };
  }

  it('sums equal the ledger sums exactly, per group and in total, over random histories', async () => {
    const groupings = [null, ...usageReportGroups];
    for (let seed = 1; seed <= 10; seed += 1) {
      const videos = randomHistory(seed, { keys, from, spanSeconds: 8 * day, videos: 60 });
      await recordHistory(test.database, projectId, videos);
      const group = groupings[seed % groupings.length] as string | null;
      const label = `seed ${seed}, group by ${group}`;
      const report = await usageReport(test.database, {
        projectName: 'studio',
        since: { at: new Date(since * 1000) },
        groupBy: group,
      });
      expect(report.since.getTime(), label).toBe(since * 1000);
      const ledger = await ledgerSums();
      expect(ledger.settled + ledger.atRisk + ledger.open, label).toBeGreaterThan(0);
      expect(
        {
          settled: report.totals.settledMicroUsd,
          atRisk: report.totals.atRiskMicroUsd,
          open: report.totals.openMicroUsd,
        },
        label,
      ).toEqual(ledger);
      const want = expected(videos, group);
      expect(figuresOf(report.totals), label).toEqual(want.totals);
      const groups = new Map(
        report.groups.map(({ group: name, ...row }) => [name, figuresOf(row)]),
      );
      expect(groups, label).toEqual(want.groups);
      for (const field of [
        'settledMicroUsd',
        'atRiskMicroUsd',
        'openMicroUsd',
        'attempts',
      ] as const) {
        if (group == null) continue;
        const summed = report.groups.reduce((total, row) => total + row[field], 0);
        expect(summed, `${label}: ${field}`).toBe(report.totals[field]);
      }
    }
  });

  it('reports zeros for a project with nothing spent, and no cost per second', async () => {
    await createApiKey(test.database, 'idle');
    const report = await usageReport(test.database, {
      projectName: 'idle',
      since: parseUsageSince('7d'),
      groupBy: 'model',
    });
    expect(report.groups).toEqual([]);
    expect(report.totals).toMatchObject({ videos: 0, attempts: 0, spentMicroUsd: 0 });
    expect(report.totals.costPerFinishedSecondMicroUsd).toBeNull();
    // Both ends come from one reading of the database's clock.
    expect(report.until.getTime() - report.since.getTime()).toBe(7 * day * 1000);
  });

  it('needs a project named when there are several, and refuses unknown ones', async () => {
    const request = { since: parseUsageSince('1h'), groupBy: null };
    await expect(usageReport(test.database, { ...request, projectName: null })).rejects.toThrow(
      /^there are 2 projects \(idle, studio\); name one$/,
    );
    await expect(usageReport(test.database, { ...request, projectName: 'nobody' })).rejects.toThrow(
      'no project named "nobody"',
    );
    await expect(
      usageReport(test.database, { ...request, projectName: 'idle', groupBy: 'colour' }),
    ).rejects.toThrow('group by must be one of model, provider, key, route; got "colour"');
  });
});

describe('a usage report on its own project', () => {
  it('needs no project name when there is only one, and says when there is none', async () => {
    const test = await openTestDatabase('pglite');
    try {
      const request = { projectName: null, since: parseUsageSince('30d'), groupBy: null };
      await expect(usageReport(test.database, request)).rejects.toThrow('there is no project yet');
      await createApiKey(test.database, 'solo');
      expect((await usageReport(test.database, request)).projectName).toBe('solo');
    } finally {
      await test.dispose();
    }
  });
});
