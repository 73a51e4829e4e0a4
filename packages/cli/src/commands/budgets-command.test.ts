import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../main.js';
import { captureIo } from '../test-support/capture-io.js';

let cwd: string;
beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'vgw-cli-budgets-'));
});
afterAll(() => rm(cwd, { recursive: true, force: true }));

async function vgw(args: string[]) {
  const captured = captureIo({ cwd });
  const exitCode = await run(['node', 'vgw', ...args], captured.io);
  return { exitCode, stdout: captured.stdout(), stderr: captured.stderr() };
}

async function keyOf(project: string): Promise<string> {
  const created = await vgw(['keys', 'create', '--project', project, '--json']);
  return (JSON.parse(created.stdout) as { id: string }).id;
}

describe('vgw budgets', () => {
  it('sets, replaces, lists and deletes budgets of projects and keys', async () => {
    expect(await vgw(['budgets', 'list'])).toEqual({
      exitCode: 0,
      stdout: 'no budgets\n',
      stderr: '',
    });
    const key = await keyOf('team-a');
    const dailyBudget = (usd: string) =>
      vgw(['budgets', 'set', '--project', 'team-a', '--period', 'day', '--usd', usd, '--json']);
    const set = await dailyBudget('25');
    expect(set.exitCode, set.stderr).toBe(0);
    const budget = JSON.parse(set.stdout) as Record<string, string | null>;
    expect(budget).toMatchObject({
      project: 'team-a',
      key_id: null,
      period: 'day',
      limit_usd: '25.000000',
      spent_usd: '0.000000',
      left_usd: '25.000000',
    });
    const replaced = await dailyBudget('0.5');
    expect(JSON.parse(replaced.stdout)).toMatchObject({ id: budget.id, limit_usd: '0.500000' });
    const perKey = await vgw([
      'budgets',
      'set',
      '--project',
      'team-a',
      '--key',
      key,
      '--period',
      'month',
      '--usd',
      '3',
    ]);
    expect(perKey.exitCode, perKey.stderr).toBe(0);
    const listed = JSON.parse((await vgw(['budgets', 'list', '--json'])).stdout) as {
      data: { key_id: string | null; period: string }[];
    };
    expect(listed.data.map((entry) => [entry.key_id, entry.period])).toEqual([
      [null, 'day'],
      [key, 'month'],
    ]);
    const table = (await vgw(['budgets', 'list', '--project', 'team-a'])).stdout.split('\n');
    expect(table[0]?.split(/\s{2,}/)).toEqual([
      'ID',
      'PROJECT',
      'KEY',
      'PERIOD',
      'LIMIT USD',
      'SPENT USD',
      'LEFT USD',
    ]);
    expect(await vgw(['budgets', 'delete', String(budget.id)])).toEqual({
      exitCode: 0,
      stdout: `deleted ${budget.id}\n`,
      stderr: '',
    });
    expect(await vgw(['budgets', 'delete', String(budget.id)])).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: `vgw: no budget with id "${budget.id}"\n`,
    });
  });

  it.each([
    [['--project', 'nobody', '--period', 'day', '--usd', '1'], 'no project named "nobody"'],
    [
      ['--project', 'team-b', '--period', 'week', '--usd', '1'],
      '--period must be one of day, month, total; got "week"',
    ],
    [
      ['--project', 'team-b', '--period', 'day', '--usd', '-3'],
      '--usd must be a non-negative amount',
    ],
    [
      ['--project', 'team-b', '--period', 'day', '--usd', 'lots'],
      '--usd must be a non-negative amount',
    ],
    [
      ['--project', 'team-b', '--key', 'key_nope', '--period', 'day', '--usd', '1'],
      'no API key with id "key_nope"',
    ],
  ])('refuses %j clearly', async (args, message) => {
    await keyOf('team-b');
    const result = await vgw(['budgets', 'set', ...args]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(message);
  });

  it("refuses another project's key", async () => {
    const stranger = await keyOf('team-c');
    await keyOf('team-d');
    const result = await vgw([
      'budgets',
      'set',
      '--project',
      'team-d',
      '--key',
      stranger,
      '--period',
      'day',
      '--usd',
      '1',
    ]);
    expect(result.stderr).toBe(`vgw: API key "${stranger}" belongs to another project\n`);
  });
});
