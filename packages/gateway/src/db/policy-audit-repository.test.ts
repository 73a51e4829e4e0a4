import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditDecisionBuilder } from '../test-support/audit-decision-fixture.js';
import { testDatabaseKinds, useTestDatabases } from '../test-support/test-databases.js';
import { verifyAuditChain } from './audit-chain-verification.js';
import {
  appendAuditRecord,
  listAuditRecords,
  UnknownAuditCursorError,
} from './policy-audit-repository.js';
import type { Database } from './queryable.js';

const auditKey = randomBytes(32);
const decision = auditDecisionBuilder({
  checks: [{ checkId: 'text-rules', checkVersion: '1', latencyMs: 0.4 }],
});

async function appendMany(database: Database, count: number, overrides = {}) {
  const appended = [];
  for (let index = 0; index < count; index += 1) {
    appended.push(await appendAuditRecord(database, auditKey, decision(overrides)));
  }
  return appended;
}

/** The whole audit verifies, and holds this many projects and records. */
async function expectIntactChain(database: Database, projects: number, records: number) {
  expect(await verifyAuditChain(database, auditKey)).toEqual({ ok: true, projects, records });
}

describe.each(testDatabaseKinds())('policy audit on %s', (kind) => {
  const databases = useTestDatabases(kind);

  it('numbers each project from 1 and links every row to the one before', async () => {
    const database = await databases.open();
    const first = await appendAuditRecord(database, auditKey, decision());
    const second = await appendAuditRecord(
      database,
      auditKey,
      decision({ decision: 'refused', category: 'sexual', rules: ['sexual.explicit'] }),
    );
    const other = await appendAuditRecord(database, auditKey, decision({ projectId: 'proj_b' }));

    expect([first.sequence, second.sequence, other.sequence]).toEqual([1, 2, 1]);
    expect(first.prevHash).toBe('0'.repeat(64));
    expect(second.prevHash).toBe(first.rowHash);
    expect(other.prevHash).toBe('0'.repeat(64));
    expect(second.rowHash).toMatch(/^[0-9a-f]{64}$/);
    expect(second).toMatchObject({
      decision: 'refused',
      category: 'sexual',
      rules: ['sexual.explicit'],
      videoId: null,
      promptExcerpt: null,
      imageHashes: [],
      checks: [
        {
          checkId: 'text-rules',
          checkVersion: '1',
          findings: [],
          scores: {},
          latencyMs: 0.4,
          error: null,
        },
      ],
    });
    expect(second.createdAt.getTime()).toBeGreaterThanOrEqual(first.createdAt.getTime());
    await expectIntactChain(database, 2, 3);
  });

  it('keeps the hash of values jsonb and the drivers reshape (key order, number forms)', async () => {
    const database = await databases.open();
    const record = decision({
      checks: [
        {
          checkId: 'nsfw',
          checkVersion: '2.0.0',
          findings: ['sexual.nsfw-image', 'combo.minor-sexual'],
          scores: {
            zeta: 0.1 + 0.2,
            a: 1e-7,
            huge: 1e21,
            wide: 2 ** 60,
            ünïcode: -0.5,
            z: 3,
            longerkeyfirst: 1,
          },
          latencyMs: 12.345678901234567,
          error: 'timeout after 2000 ms',
        },
      ],
      imageHashes: [{ sha256: 'cd'.repeat(32), phash: '0123456789abcdef' }],
      promptExcerpt: 'a "quoted" excerpt, with ünïcödé and 😀',
      videoId: 'video_1',
      upstreamCode: 'SAFETY.INPUT.TEXT',
      operation: 'upstream',
      stage: 'post',
      param: null,
      apiKeyId: null,
    });
    const appended = await appendAuditRecord(database, auditKey, record);
    const { records } = await listAuditRecords(database, { limit: 10 });

    expect(records).toEqual([appended]);
    expect(appended.checks[0]?.scores).toEqual(record.checks?.[0]?.scores);
    expect(appended.promptExcerpt).toBe(record.promptExcerpt);
    expect(await verifyAuditChain(database, auditKey)).toMatchObject({ ok: true, records: 1 });
  });

  it('gives 20 concurrent appends on one project the numbers 1..20 and a valid chain', async () => {
    const database = await databases.open();
    const another = await databases.openAnother();
    const appended = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        appendAuditRecord(index % 2 === 0 ? database : another, auditKey, decision()),
      ),
    );

    const numbers = appended.map((record) => record.sequence).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    await expectIntactChain(database, 1, 20);
    // The clock is read under the head's lock, so time order is sequence order.
    const { records } = await listAuditRecords(database, { limit: 50 });
    expect(records.map((record) => record.sequence)).toEqual(numbers.toReversed());
  });

  it("appends inside a caller's transaction, and rolls back with it", async () => {
    const database = await databases.open();
    await expect(
      database.transaction(async (client) => {
        await appendAuditRecord(client, auditKey, decision());
        throw new Error('the caller failed');
      }),
    ).rejects.toThrow('the caller failed');
    expect((await listAuditRecords(database, { limit: 10 })).records).toEqual([]);

    const inside = await database.transaction((client) =>
      appendAuditRecord(client, auditKey, decision()),
    );
    expect(inside.sequence).toBe(1);
    expect(await verifyAuditChain(database, auditKey)).toMatchObject({ ok: true, records: 1 });
  });

  it('refuses updates, deletes and truncation from the application', async () => {
    const database = await databases.open();
    const [record] = await appendMany(database, 1);
    await expect(
      database.query(`update policy_audit set decision = 'refused' where id = $1`, [record?.id]),
    ).rejects.toThrow(/append-only/);
    await expect(database.query('delete from policy_audit')).rejects.toThrow(/append-only/);
    await expect(database.query('truncate policy_audit')).rejects.toThrow(/append-only/);
    await expect(database.query('update policy_audit_heads set last_sequence = 0')).rejects.toThrow(
      /only moves forward/,
    );
    await expect(database.query('delete from policy_audit_heads')).rejects.toThrow(
      /only moves forward/,
    );
  });

  it('refuses a record it could not store as it hashed it', async () => {
    const database = await databases.open();
    await expect(
      appendAuditRecord(database, auditKey, decision({ promptExcerpt: 'nul \u0000 here' })),
    ).rejects.toThrow(/not storable text/);
    await expect(
      appendAuditRecord(database, auditKey, decision({ rules: ['lone \uD800'] })),
    ).rejects.toThrow(/not storable text/);
    await expect(appendAuditRecord(database, randomBytes(16), decision())).rejects.toThrow(
      /at least 32 bytes/,
    );
    await expectIntactChain(database, 0, 0);
  });

  it('lists newest first, by project, decision and time, a page at a time', async () => {
    const database = await databases.open();
    const [a1, a2] = await appendMany(database, 2);
    const [b1] = await appendMany(database, 1, { projectId: 'proj_b', decision: 'refused' });
    const [a3] = await appendMany(database, 1, { decision: 'refused' });
    const ids = (page: { records: { id: string }[] }) => page.records.map((record) => record.id);

    expect(ids(await listAuditRecords(database, { limit: 10 }))).toEqual(
      [a3, b1, a2, a1].map((record) => record?.id),
    );
    expect(ids(await listAuditRecords(database, { limit: 10, projectId: 'proj_a' }))).toEqual(
      [a3, a2, a1].map((record) => record?.id),
    );
    expect(ids(await listAuditRecords(database, { limit: 10, decision: 'refused' }))).toEqual(
      [a3, b1].map((record) => record?.id),
    );
    const first = await listAuditRecords(database, { limit: 3 });
    expect(first.hasMore).toBe(true);
    const rest = await listAuditRecords(database, { limit: 3, after: first.records[2]?.id ?? '' });
    expect(rest).toEqual({ records: [a1], hasMore: false });
    await expect(listAuditRecords(database, { limit: 3, after: 'audit_nope' })).rejects.toThrow(
      UnknownAuditCursorError,
    );
    await expect(listAuditRecords(database, { limit: 0 })).rejects.toThrow(RangeError);

    // Times set by hand (the chain breaks, the listing does not care) to test `since` exactly.
    await database.query('alter table policy_audit disable trigger policy_audit_append_only');
    for (const [record, at] of [
      [a1, '2026-01-01T00:00:00Z'],
      [a2, '2026-02-01T00:00:00Z'],
      [b1, '2026-03-01T00:00:00Z'],
      [a3, '2026-04-01T00:00:00Z'],
    ] as const) {
      await database.query('update policy_audit set created_at = $2 where id = $1', [
        record?.id,
        at,
      ]);
    }
    const since = new Date('2026-02-01T00:00:00Z');
    expect(ids(await listAuditRecords(database, { limit: 10, since }))).toEqual(
      [a3, b1, a2].map((record) => record?.id),
    );
    expect(
      ids(await listAuditRecords(database, { limit: 10, since, decision: 'allowed' })),
    ).toEqual([a2?.id]);
  });
});
