import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import type { RedteamReportFile, RedteamScreen } from '@vgw/gateway';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandContext } from '../command-context.js';
import { CliError } from '../errors/cli-error.js';
import { captureIo } from '../test-support/capture-io.js';
import { tagBalanceProblem } from '../test-support/html-tag-balance.js';
import { createRedteamCommand } from './redteam-command.js';

/** Refuses any text with an x: enough to know every figure without the policy engine. */
const blockX: RedteamScreen = (text) => ({
  decision: text.includes('x') ? 'refuse' : 'allow',
  version: 'synthetic-1',
  category: text.includes('x') ? 'sexual' : null,
  rules: text.includes('x') ? ['synthetic.x'] : [],
  stage: 'pre',
  param: text.includes('x') ? 'prompt' : null,
  checks: [],
});

const row = (id: string, text: string, category: string) =>
  JSON.stringify({
    id,
    text,
    expected: category === 'benign' ? 'allow' : 'block',
    category,
    technique: 'seed',
    source: 'test',
    licence: 'test',
  });

let cwd = '';
beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'vgw-cli-redteam-'));
});
afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

async function redteam(args: string[], screen: RedteamScreen = blockX) {
  const captured = captureIo({ cwd });
  const policies: Array<string | null> = [];
  const context: CommandContext = {
    io: captured.io,
    signal: new AbortController().signal,
    globals: () => ({ configFile: null, debug: false }),
  };
  const program = new Command('vgw').exitOverride();
  let tick = 0;
  createRedteamCommand({
    loadScreen: (policyFile) => {
      policies.push(policyFile);
      return Promise.resolve(screen);
    },
    now: () => (tick += 1),
    clock: () => new Date(2026, 11, 7, 12, 30, 5),
  })(program, context);
  let exitCode = 0;
  let message = '';
  try {
    await program.parseAsync(['node', 'vgw', 'redteam', ...args]);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    exitCode = error.exitCode;
    message = error.message;
  }
  return { exitCode, message, stdout: captured.stdout(), stderr: captured.stderr(), policies };
}

describe('vgw redteam --suite', () => {
  it('passes, writes both reports and hands the policy path to the engine', async () => {
    // A suite of the user's own need not cover every gated category.
    const lines = [row('s-1', 'explicit one', 'sexual'), row('s-2', 'explicit two', 'sexual')];
    await writeFile(join(cwd, 'mine.jsonl'), lines.join('\n'));
    const refuseAll: RedteamScreen = (text) => ({ ...blockX(text), decision: 'refuse' });
    const args = ['--suite', 'mine.jsonl', '--policy', 'p.yaml', '--out', 'out'];
    const result = await redteam(args, refuseAll);
    expect(result.message).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.policies).toEqual([join(cwd, 'p.yaml')]);
    expect(result.stdout).toContain('custom: ');
    expect(result.stdout).toContain('gate passed');
    expect(result.stdout).not.toContain('explicit one');
    const file = JSON.parse(
      await readFile(join(cwd, 'out/report.json'), 'utf8'),
    ) as RedteamReportFile;
    expect(file.passed).toBe(true);
    // The two rows and every mutation of each.
    expect(file.reports[0]?.counts.cases).toBe(30);
    expect(file.reports[0]?.byCategory['sexual']?.rate).toBe(1);
    const html = await readFile(join(cwd, 'out/report.html'), 'utf8');
    expect(tagBalanceProblem(html)).toBeNull();
  });

  it('exits 1 naming the failure, and prints the JSON report with --json', async () => {
    const lines = [row('s-1', 'explicit', 'sexual'), row('b-1', 'a box', 'benign')];
    await writeFile(join(cwd, 'mine.jsonl'), lines.join('\n'));
    const result = await redteam(['--suite', 'mine.jsonl', '--json', '--out', 'out']);
    expect(result.exitCode).toBe(1);
    expect(result.message).toContain('custom: sexual blocked');
    expect(result.message).toContain('needs >= 97.00 %');
    expect(result.message).toContain('custom: benign false positives');
    const printed = JSON.parse(result.stdout) as RedteamReportFile;
    expect(printed.passed).toBe(false);
    expect(printed.reports[0]?.policyVersion).toBe('synthetic-1');
  });

  it('names the file and line of a bad suite row', async () => {
    await writeFile(join(cwd, 'bad.jsonl'), `${row('b-1', 'a', 'benign')}\nnot json\n`);
    const result = await redteam(['--suite', 'bad.jsonl']);
    expect(result.exitCode).toBe(1);
    expect(result.message).toMatch(/bad\.jsonl:2: not JSON/);
  });
});

describe('vgw redteam on the shipped sets', () => {
  it('gates the suite and the held-out set apart, into a default folder', async () => {
    const refuseAll: RedteamScreen = (text) => ({ ...blockX(text), decision: 'refuse' });
    const result = await redteam([], refuseAll);
    expect(result.exitCode).toBe(1);
    expect(result.message).toContain('suite: benign false positives 100.00 %');
    expect(result.message).toContain('holdout: benign false positives 100.00 %');
    expect(result.stdout).toContain(join(cwd, 'vgw-redteam-20261207-123005', 'report.html'));
  });

  it('reports an advisory set that misses the gate without failing the run', async () => {
    // Refusing everything fails both sets on false positives.
    const screen: RedteamScreen = (text) => ({ ...blockX(text), decision: 'refuse' });
    const result = await redteam(['--advisory', 'suite', 'holdout', '--out', 'out'], screen);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('holdout misses the gate (advisory');
    const file = JSON.parse(
      await readFile(join(cwd, 'out/report.json'), 'utf8'),
    ) as RedteamReportFile;
    expect(file.passed).toBe(false);
    expect(file.reports.map((report) => report.gate.passed)).toEqual([false, false]);
  });

  it('still fails on a set that is not advisory, and rejects an unknown set name', async () => {
    const screen: RedteamScreen = (text) => ({ ...blockX(text), decision: 'refuse' });
    const failing = await redteam(['--advisory', 'holdout', '--out', 'out'], screen);
    expect(failing.exitCode).toBe(1);
    expect(failing.message).toContain('suite: benign false positives');
    expect(failing.message).not.toContain('holdout:');
    const unknown = await redteam(['--advisory', 'everything']);
    expect(unknown.exitCode).toBe(1);
    expect(unknown.message).toContain('--advisory takes suite, holdout or custom');
  });
});
