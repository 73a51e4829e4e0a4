import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createGateway, ensureProject, loadGatewayConfig, openAuditLog, pino } from '@vgw/gateway';
import type { AuditLog, AuditRecord, Gateway, NewAuditRecord } from '@vgw/gateway';
import { auditDecisionBuilder } from '@vgw/gateway/test-support';
import { runVgw } from '../test-support/run-vgw.js';

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((path) => rm(path, { recursive: true, force: true })));
});

async function newCwd(): Promise<string> {
  const cwd = await mkdtemp(join(tmpdir(), 'vgw-cli-audit-'));
  made.push(cwd);
  return cwd;
}

/** What the server does: opens the same data dir and appends with the key it keeps there. */
async function withServerAudit<T>(
  cwd: string,
  work: (log: AuditLog, gateway: Gateway) => Promise<T>,
): Promise<T> {
  const config = await loadGatewayConfig({ cwd, environment: {}, file: null });
  const gateway = await createGateway(config, { logger: pino({ level: 'silent' }) });
  try {
    return await work(await openAuditLog(gateway, { create: true }), gateway);
  } finally {
    await gateway.close();
  }
}

const decision = auditDecisionBuilder({ projectId: 'proj_team_a' });

/** team-a: allowed, refused, allowed; proj_b (no project row left): one allowed. */
async function seed(cwd: string): Promise<AuditRecord[]> {
  return withServerAudit(cwd, async (log, gateway) => {
    await ensureProject(gateway.database, { id: 'proj_team_a', name: 'team-a' });
    const records: AuditRecord[] = [];
    const seeds: Partial<NewAuditRecord>[] = [
      {},
      { decision: 'refused', category: 'sexual', rules: ['sexual.explicit'] },
      {},
      { projectId: 'proj_b' },
    ];
    for (const overrides of seeds) {
      records.push(await log.append(gateway.database, decision(overrides)));
    }
    return records;
  });
}

function listed(stdout: string): { data: { id: string }[]; has_more: boolean } {
  return JSON.parse(stdout) as { data: { id: string }[]; has_more: boolean };
}

describe('vgw audit', () => {
  it('says an empty audit is intact and has no records, without making a key', async () => {
    const cwd = await newCwd();
    expect(await runVgw(cwd, ['audit', 'verify'])).toEqual({
      exitCode: 0,
      stdout: 'ok: 0 records in 0 projects, every link intact\n',
      stderr: '',
    });
    expect(await runVgw(cwd, ['audit', 'list'])).toEqual({
      exitCode: 0,
      stdout: 'no audit records\n',
      stderr: '',
    });
    await expect(stat(join(cwd, '.vgw', 'audit.key'))).rejects.toThrow(/ENOENT/);
  });

  it('lists decisions newest first, filtered and a page at a time', async () => {
    const cwd = await newCwd();
    const [a1, a2, a3, b1] = (await seed(cwd)).map((record) => record.id);

    const all = await runVgw(cwd, ['audit', 'list', '--json']);
    expect(all.exitCode, all.stderr).toBe(0);
    expect(listed(all.stdout).data.map((record) => record.id)).toEqual([b1, a3, a2, a1]);
    expect(listed(all.stdout).data[2]).toMatchObject({
      id: a2,
      project_id: 'proj_team_a',
      sequence: 2,
      decision: 'refused',
      category: 'sexual',
      rules: ['sexual.explicit'],
      prompt_hmac: 'ab'.repeat(32),
      prompt_excerpt: null,
    });

    const refused = await runVgw(cwd, [
      'audit',
      'list',
      '--project',
      'team-a',
      '--decision',
      'refused',
      '--json',
    ]);
    expect(listed(refused.stdout).data.map((record) => record.id)).toEqual([a2]);
    const byId = await runVgw(cwd, ['audit', 'list', '--project', 'proj_b', '--json']);
    expect(listed(byId.stdout).data.map((record) => record.id)).toEqual([b1]);

    const page = await runVgw(cwd, ['audit', 'list', '--limit', '2']);
    const lines = page.stdout.trimEnd().split('\n');
    expect(lines[0]?.split(/\s{2,}/)).toEqual([
      'TIME',
      'PROJECT',
      'SEQ',
      'OPERATION',
      'STAGE',
      'DECISION',
      'CATEGORY',
      'RULES',
      'ID',
    ]);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe(`more: vgw audit list --after ${a3}`);
    const next = await runVgw(cwd, ['audit', 'list', '--limit', '2', '--after', `${a3}`, '--json']);
    expect(listed(next.stdout)).toMatchObject({ has_more: false });
    expect(listed(next.stdout).data.map((record) => record.id)).toEqual([a2, a1]);

    const future = await runVgw(cwd, ['audit', 'list', '--since', '2999-01-01']);
    expect(future.stdout).toBe('no audit records\n');
    const past = await runVgw(cwd, ['audit', 'list', '--since', '2020-01-01T00:00:00Z', '--json']);
    expect(listed(past.stdout).data).toHaveLength(4);
  });

  it.each([
    [['--since', 'yesterday'], 2, 'expected an ISO date or time'],
    [['--decision', 'maybe'], 2, 'Allowed choices are allowed, refused'],
    [['--limit', '0'], 2, 'expected a whole number from 1 to 1000'],
    [['--project', 'nobody'], 1, 'no project named or with id "nobody"'],
    [['--after', 'audit_nope'], 1, '--after: no audit record with id "audit_nope"'],
  ])('refuses list %j clearly', async (args, exitCode, message) => {
    const cwd = await newCwd();
    const result = await runVgw(cwd, ['audit', 'list', ...args]);
    expect(result.exitCode).toBe(exitCode);
    expect(result.stderr).toContain(message);
  });

  it('verifies the chain, and exits 1 naming the first broken link', async () => {
    const cwd = await newCwd();
    const records = await seed(cwd);
    expect(await runVgw(cwd, ['audit', 'verify'])).toEqual({
      exitCode: 0,
      stdout: 'ok: 4 records in 2 projects, every link intact\n',
      stderr: '',
    });

    await withServerAudit(cwd, async (_log, gateway) => {
      await gateway.database.query('alter table policy_audit disable trigger user');
      await gateway.database.query(`update policy_audit set decision = 'allowed' where id = $1`, [
        records[1]?.id,
      ]);
    });
    const broken = await runVgw(cwd, ['audit', 'verify']);
    expect(broken).toEqual({
      exitCode: 1,
      stdout: '',
      stderr:
        `vgw: audit chain broken at project proj_team_a, sequence 2, record ${records[1]?.id}: ` +
        'edited (the row was changed after it was written)\n',
    });
    const json = await runVgw(cwd, ['audit', 'verify', '--project', 'team-a', '--json']);
    expect(json.exitCode).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({
      ok: false,
      projects: 1,
      records: 1,
      first_broken: {
        project_id: 'proj_team_a',
        sequence: 2,
        id: records[1]?.id,
        reason: 'edited',
      },
    });
    expect(await runVgw(cwd, ['audit', 'verify', '--project', 'proj_b', '--json'])).toMatchObject({
      exitCode: 0,
    });
  });

  it('names the missing key file instead of calling every row edited', async () => {
    const cwd = await newCwd();
    await seed(cwd);
    await rm(join(cwd, '.vgw', 'audit.key'));
    const result = await runVgw(cwd, ['audit', 'verify']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      /^vgw: no audit key at .*audit\.key: the audit cannot be verified/,
    );
  });
});
