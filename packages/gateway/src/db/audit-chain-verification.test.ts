import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditDecisionBuilder } from '../test-support/audit-decision-fixture.js';
import { testDatabaseKinds, useTestDatabases } from '../test-support/test-databases.js';
import { rowHash } from './audit-chain.js';
import { verifyAuditChain } from './audit-chain-verification.js';
import type { AuditRecord } from './audit-record.js';
import { appendAuditRecord } from './policy-audit-repository.js';
import type { Database } from './queryable.js';

const auditKey = randomBytes(32);
const decision = auditDecisionBuilder({
  decision: 'refused',
  category: 'sexual',
  rules: ['sexual.explicit'],
  checks: [
    {
      checkId: 'text-rules',
      checkVersion: '1',
      findings: ['sexual.explicit'],
      scores: { match: 1 },
      latencyMs: 0.4,
    },
  ],
  promptHmac: null,
});

async function chain(database: Database, count: number, projectId = 'proj_a') {
  const records: AuditRecord[] = [];
  for (let index = 0; index < count; index += 1) {
    records.push(await appendAuditRecord(database, auditKey, decision({ projectId })));
  }
  return records;
}

/** What someone with only database access can do: lift the triggers and write. */
async function tamper(database: Database, sql: string, params: unknown[] = []) {
  await database.query('alter table policy_audit disable trigger user');
  await database.query('alter table policy_audit_heads disable trigger user');
  await database.query(sql, params);
}

function idAt(records: AuditRecord[], sequence: number): string {
  const record = records[sequence - 1];
  if (record == null) throw new Error(`no record ${sequence}`);
  return record.id;
}

describe.each(testDatabaseKinds())('audit chain verification on %s', (kind) => {
  const databases = useTestDatabases(kind);

  it('verifies several projects a page at a time, or one project', async () => {
    const database = await databases.open();
    await chain(database, 5, 'proj_a');
    await chain(database, 3, 'proj_b');

    expect(await verifyAuditChain(database, auditKey, { pageSize: 2 })).toEqual({
      ok: true,
      projects: 2,
      records: 8,
    });
    expect(await verifyAuditChain(database, auditKey, { projectId: 'proj_b' })).toEqual({
      ok: true,
      projects: 1,
      records: 3,
    });
    expect(await verifyAuditChain(database, auditKey, { projectId: 'proj_none' })).toEqual({
      ok: true,
      projects: 0,
      records: 0,
    });
  });

  it.each([
    ['decision', `update policy_audit set decision = 'allowed' where id = $1`],
    [
      'checks',
      `update policy_audit set checks = jsonb_set(checks, '{0,scores,match}', '0')
      where id = $1`,
    ],
    ['rules', `update policy_audit set rules = '[]' where id = $1`],
    [
      'created_at',
      `update policy_audit set created_at = created_at - interval '1 day'
      where id = $1`,
    ],
    ['row_hash', `update policy_audit set row_hash = repeat('0', 64) where id = $1`],
  ])('names an edited %s at its sequence', async (_field, sql) => {
    const database = await databases.open();
    const records = await chain(database, 5);
    await chain(database, 2, 'proj_b');
    await tamper(database, sql, [idAt(records, 3)]);

    expect(await verifyAuditChain(database, auditKey, { pageSize: 2 })).toEqual({
      ok: false,
      projects: 1,
      records: 2,
      firstBroken: { projectId: 'proj_a', sequence: 3, id: idAt(records, 3), reason: 'edited' },
    });
    // The other project's chain is whole.
    expect(await verifyAuditChain(database, auditKey, { projectId: 'proj_b' })).toMatchObject({
      ok: true,
    });
  });

  it('names a deleted middle row by its missing number and the row after it', async () => {
    const database = await databases.open();
    const records = await chain(database, 5);
    await tamper(database, 'delete from policy_audit where id = $1', [idAt(records, 3)]);

    expect((await verifyAuditChain(database, auditKey)).firstBroken).toEqual({
      projectId: 'proj_a',
      sequence: 3,
      id: idAt(records, 4),
      reason: 'deleted',
    });
  });

  it('names a deleted last row from the head', async () => {
    const database = await databases.open();
    const records = await chain(database, 5);
    await tamper(database, 'delete from policy_audit where id = $1', [idAt(records, 5)]);

    expect(await verifyAuditChain(database, auditKey)).toEqual({
      ok: false,
      projects: 1,
      records: 4,
      firstBroken: { projectId: 'proj_a', sequence: 5, id: null, reason: 'deleted' },
    });
  });

  it('names a head moved back over a deleted tail without the key', async () => {
    const database = await databases.open();
    const records = await chain(database, 5);
    const fourth = records[3] as AuditRecord;
    await tamper(database, 'delete from policy_audit where id = $1', [idAt(records, 5)]);
    await tamper(database, 'update policy_audit_heads set last_sequence = 4, last_hash = $1', [
      fourth.rowHash,
    ]);

    expect((await verifyAuditChain(database, auditKey)).firstBroken).toEqual({
      projectId: 'proj_a',
      sequence: 4,
      id: fourth.id,
      reason: 'head mismatch',
    });
  });

  it('names a project whose head is gone, and one with nothing but its head', async () => {
    const database = await databases.open();
    const records = await chain(database, 2);
    await tamper(database, 'delete from policy_audit_heads');
    expect((await verifyAuditChain(database, auditKey)).firstBroken).toEqual({
      projectId: 'proj_a',
      sequence: 2,
      id: idAt(records, 2),
      reason: 'head mismatch',
    });

    const emptied = await databases.open();
    await chain(emptied, 2);
    await tamper(emptied, 'delete from policy_audit');
    expect((await verifyAuditChain(emptied, auditKey)).firstBroken).toEqual({
      projectId: 'proj_a',
      sequence: 1,
      id: null,
      reason: 'deleted',
    });
  });

  it('names a repeated sequence number as reordered', async () => {
    const database = await databases.open();
    const records = await chain(database, 3);
    await tamper(
      database,
      'alter table policy_audit drop constraint policy_audit_project_id_sequence_key',
    );
    await tamper(
      database,
      `insert into policy_audit select 'audit_zzz', project_id, api_key_id, created_at, sequence,
         operation, stage, param, decision, policy_version, category, rules, checks, prompt_hmac,
         prompt_excerpt, image_hashes, video_id, upstream_code, prev_hash, row_hash
       from policy_audit where id = $1`,
      [idAt(records, 2)],
    );

    expect((await verifyAuditChain(database, auditKey)).firstBroken).toEqual({
      projectId: 'proj_a',
      sequence: 2,
      id: 'audit_zzz',
      reason: 'reordered',
    });
  });

  it('names an intact row that links to another row before it as reordered', async () => {
    const database = await databases.open();
    const records = await chain(database, 3);
    // A row from a fork of the chain (a restored backup): hashed with the key, but its link
    // points at a third row this chain never had.
    const third = records[2] as AuditRecord;
    const fields = {
      ...third,
      createdAtText: '2026-01-01T00:00:00.000000Z',
      prevHash: 'f'.repeat(64),
    };
    await tamper(database, 'delete from policy_audit where id = $1', [third.id]);
    await tamper(
      database,
      `insert into policy_audit (id, project_id, api_key_id, created_at, sequence, operation,
         stage, param, decision, policy_version, category, rules, checks, prompt_hmac, video_id,
         prev_hash, row_hash)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13::jsonb, $14, $15,
         $16, $17)`,
      [
        fields.id,
        fields.projectId,
        fields.apiKeyId,
        fields.createdAtText,
        fields.sequence,
        fields.operation,
        fields.stage,
        fields.param,
        fields.decision,
        fields.policyVersion,
        fields.category,
        JSON.stringify(fields.rules),
        JSON.stringify(fields.checks),
        fields.promptHmac,
        fields.videoId,
        fields.prevHash,
        rowHash(auditKey, fields),
      ],
    );

    expect((await verifyAuditChain(database, auditKey)).firstBroken).toEqual({
      projectId: 'proj_a',
      sequence: 3,
      id: third.id,
      reason: 'reordered',
    });
  });

  it('treats a row checked with another key as edited', async () => {
    const database = await databases.open();
    const records = await chain(database, 2);

    expect((await verifyAuditChain(database, randomBytes(32))).firstBroken).toEqual({
      projectId: 'proj_a',
      sequence: 1,
      id: idAt(records, 1),
      reason: 'edited',
    });
  });
});
