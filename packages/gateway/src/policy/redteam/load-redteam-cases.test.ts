import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadRedteamCases, parseRedteamJsonl, RedteamSuiteError } from './load-redteam-cases.js';
import { shippedSuitePaths } from './shipped-suite.js';

const row = (fields: Record<string, unknown> = {}) =>
  JSON.stringify({
    id: 'a-001',
    text: 'a cat',
    expected: 'allow',
    category: 'benign',
    technique: 'seed',
    source: 'test',
    licence: 'test',
    ...fields,
  });

let folder = '';
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'vgw-redteam-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function suiteFile(name: string, lines: string[]): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, `${lines.join('\n')}\n`, 'utf8');
  return path;
}

async function loadError(paths: string[]): Promise<RedteamSuiteError> {
  const error: unknown = await loadRedteamCases(paths).catch((caught: unknown) => caught);
  if (!(error instanceof RedteamSuiteError))
    throw new Error(`expected a suite error: ${String(error)}`);
  return error;
}

describe('loadRedteamCases', () => {
  it('reads rows in file order and skips blank lines', async () => {
    const first = await suiteFile('one.jsonl', [row(), '', row({ id: 'a-002' })]);
    const second = await suiteFile('two.jsonl', [
      row({ id: 'b-001', expected: 'block', category: 'hate' }),
    ]);
    const cases = await loadRedteamCases([first, second]);
    expect(cases.map((testCase) => testCase.id)).toEqual(['a-001', 'a-002', 'b-001']);
  });

  it('names the file and line of a line that is not JSON', async () => {
    const path = await suiteFile('broken.jsonl', [row(), '{"id": "a-002",']);
    const error = await loadError([path]);
    expect(error.message).toMatch(
      new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: not JSON`),
    );
    expect(error.line).toBe(2);
    expect(error.file).toBe(path);
  });

  it('names the field a row gets wrong', async () => {
    const path = await suiteFile('bad.jsonl', [
      row(),
      row(),
      row({ id: 'a-003', expected: 'maybe' }),
    ]);
    const error = await loadError([path]);
    expect(error.message).toContain('bad.jsonl:3: expected:');
    expect(error.line).toBe(3);
  });

  it('refuses a benign row that expects a block, and unknown fields', async () => {
    const benignBlock = await suiteFile('mixed.jsonl', [row({ expected: 'block' })]);
    expect((await loadError([benignBlock])).message).toContain(
      'mixed.jsonl:1: expected: benign rows',
    );
    const extra = await suiteFile('extra.jsonl', [row({ note: 'x' })]);
    expect((await loadError([extra])).message).toContain('extra.jsonl:1:');
  });

  it('refuses an id used twice, even across files, naming both places', async () => {
    const first = await suiteFile('one.jsonl', [row()]);
    const second = await suiteFile('two.jsonl', [row({ id: 'b-001' }), row()]);
    const error = await loadError([first, second]);
    expect(error.message).toBe(`${second}:2: id a-001 is already used at ${first}:1`);
  });

  it('names a file it cannot read', async () => {
    const error = await loadError([join(folder, 'missing.jsonl')]);
    expect(error.message).toContain('missing.jsonl: cannot read');
    expect(error.line).toBeNull();
  });

  it('parses text directly too', () => {
    expect(parseRedteamJsonl('inline', `${row()}\r\n`)).toHaveLength(1);
  });
});

describe('the shipped sets', () => {
  it('load, cover every category and keep the held-out set apart', async () => {
    const suite = await loadRedteamCases(await shippedSuitePaths('suite'));
    const holdout = await loadRedteamCases(await shippedSuitePaths('holdout'));
    const count = (cases: typeof suite, category: string) =>
      cases.filter((testCase) => testCase.category === category).length;
    expect(count(suite, 'benign')).toBeGreaterThanOrEqual(200);
    for (const category of ['minors_sexual', 'sexual', 'real_people', 'protected_characters']) {
      expect(count(suite, category)).toBeGreaterThanOrEqual(40);
      expect(count(holdout, category)).toBeGreaterThanOrEqual(10);
    }
    expect(holdout.length / suite.length).toBeGreaterThan(0.25);
    const suiteTexts = new Set(suite.map((testCase) => testCase.text.toLowerCase()));
    expect(holdout.filter((testCase) => suiteTexts.has(testCase.text.toLowerCase()))).toEqual([]);
    const suiteIds = new Set(suite.map((testCase) => testCase.id));
    expect(holdout.filter((testCase) => suiteIds.has(testCase.id))).toEqual([]);
  });
});
