import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderRedteamHtml } from './render-redteam-html.js';
import { runRedteam } from './run-redteam.js';
import { screenBlockingX, steppingClock, testCase } from './test-support/synthetic-screen.js';
import { writeRedteamReport } from './write-redteam-report.js';

const harmfulText = 'a very harmful secret prompt';
const cases = [
  testCase('sex-1', 'x sexual', 'sexual'),
  testCase('sex-2', harmfulText, 'sexual'),
  testCase('people-1', 'x likeness', 'real_people', 'homoglyph'),
  testCase('ok-1', 'a <b>box</b> & "fox" at https://example.com', 'benign'),
  testCase('ok-2', 'a cat', 'benign'),
];

let folder = '';
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'vgw-redteam-report-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const run = (label: string) =>
  runRedteam({ cases, screen: screenBlockingX, now: steppingClock(), runId: 'run-7', label });

describe('writeRedteamReport', () => {
  it('writes report.json with every set and its gate verdict', async () => {
    const written = await writeRedteamReport(
      [await run('suite'), await run('holdout')],
      join(folder, 'out'),
    );
    const file = JSON.parse(await readFile(written.json, 'utf8')) as typeof written.file;
    expect(file.passed).toBe(false);
    expect(file.reports.map((report) => report.label)).toEqual(['suite', 'holdout']);
    expect(file.reports[0]?.gate.failures).toContain(
      'suite: sexual blocked 50.00 % (1/2), needs >= 97.00 %',
    );
    expect(file.reports[0]?.misses).toEqual([
      { id: 'sex-2', category: 'sexual', technique: 'seed' },
    ]);
  });

  it('writes a self-contained HTML page with no external resources', async () => {
    const written = await writeRedteamReport(await run('suite'), folder);
    const html = await readFile(written.html, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|\bsrc=|\bhref=/i);
    // The only URL is inside an escaped benign prompt, shown as text.
    expect(html.match(/https?:\/\//g)).toEqual(['https://']);
    expect(html).toContain('a &lt;b&gt;box&lt;/b&gt; &amp; &quot;fox&quot;');
    expect(html).not.toContain('<b>box</b>');
  });

  it('shows misses by id and never a harmful prompt, in either file', async () => {
    const written = await writeRedteamReport(await run('suite'), folder);
    const html = await readFile(written.html, 'utf8');
    const json = await readFile(written.json, 'utf8');
    for (const text of [html, json]) {
      expect(text).not.toContain(harmfulText);
      expect(text).not.toContain('x likeness');
      expect(text).toContain('sex-2');
    }
    expect(html).toContain('Gate: failed');
    expect(html).toContain('homoglyph');
    expect(html).toContain('text-rules');
  });

  it('says passed when nothing failed', async () => {
    const html = renderRedteamHtml([{ report: await run('suite'), failures: [] }]);
    expect(html).toContain('Gate: passed');
    expect(html).not.toContain('Gate: failed');
  });
});
