import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScoreResult } from '@vgw/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBenchReport } from '../leaderboard/bench-report.js';
import type { BenchReport } from '../leaderboard/bench-report.js';
import type { BenchRun } from '../leaderboard/bench-run.js';
import { tagBalanceProblem } from '../../test-support/html-tag-balance.js';
import { scoreTinyClip } from '../../test-support/tiny-clip.js';
import { renderReportHtml } from './report-page.js';
import { runKey } from './thumbnail-grid.js';

let directory: string;
/** A real score of a tiny clip; runs below reuse it with their own stability index. */
let score: ScoreResult;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'vgw-report-html-'));
  score = await scoreTinyClip(directory);
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

const steady = 'steady/"model"';
const shaky = 'shaky<b>';

function benchRun(model: string, promptId: string, index: number | null): BenchRun {
  const completed = index != null;
  return {
    promptId,
    shot: promptId === 'p1' ? 'static' : 'people',
    model,
    repeat: 0,
    videoId: completed ? `video_${promptId}` : null,
    status: completed ? 'completed' : 'failed',
    failure: completed
      ? null
      : { stage: 'render', code: 'content_policy_violation', message: 'no' },
    renderSeconds: completed ? 12 : null,
    videoSeconds: completed ? 1 : null,
    size: '96x64',
    cost: completed ? { microUsd: 50_000, source: 'engine_price' } : null,
    files: completed ? { video: `videos/${promptId}.mp4`, thumbnail: null } : null,
    score: completed ? { ...score, index: { ...score.index, value: index } } : null,
  };
}

function makeReport(): BenchReport {
  return buildBenchReport({
    createdAt: '2026-01-01T00:00:00.000Z',
    gateway: 'remote',
    settings: {
      models: [shaky, steady],
      repeat: 1,
      seconds: 1,
      size: '96x64',
      seed: null,
      concurrency: 2,
      promptsFile: 'mine.json',
      bootstrap: { resamples: 200, confidence: 0.95, seed: 1 },
    },
    prompts: [
      { id: 'p1', shot: 'static', prompt: 'a still <img src=x onerror=alert(1)> room' },
      { id: 'p2', shot: 'people', prompt: 'a dancer' },
    ],
    runs: [
      benchRun(shaky, 'p1', 40),
      benchRun(steady, 'p1', 90),
      benchRun(shaky, 'p2', 50),
      benchRun(steady, 'p2', null),
    ],
  });
}

describe('renderReportHtml', () => {
  it('escapes prompts and model names everywhere', () => {
    const html = renderReportHtml(makeReport(), new Map());
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('shaky<b>');
    expect(html).toContain('a still &lt;img src=x onerror=alert(1)&gt; room');
    expect(html).toContain('steady/&quot;model&quot;');
    expect(html).toContain('shaky&lt;b&gt;');
  });

  it('closes every element it opens, in order', () => {
    expect(tagBalanceProblem(renderReportHtml(makeReport(), new Map()))).toBeNull();
    expect(tagBalanceProblem('<div><svg><polyline/></div></svg>')).toBe(
      '</div> at 21 closes <svg>',
    );
    expect(tagBalanceProblem('<table><tr><td>x</td>')).toBe('left open: table > tr');
  });

  it('loads nothing from outside the file', () => {
    const html = renderReportHtml(makeReport(), new Map());
    expect(html).not.toMatch(/<script|<link|@import|url\(/i);
    expect(html).not.toMatch(/\b(src|href)="(?!data:)/);
  });

  it('ranks the leaderboard by stability index and shows failures', () => {
    const html = renderReportHtml(makeReport(), new Map());
    const board = /<table class="board">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
    const rows = [...board.matchAll(/<td class="model">([^<]*)<\/td>/g)].map((match) => match[1]);
    expect(rows).toEqual(['steady/&quot;model&quot;', 'shaky&lt;b&gt;']);
    // steady: one scored run of index 90, one failure; cost $0.05 per second of video.
    expect(board).toMatch(/<td class="num">90\.0 <span class="ci">n=1<\/span><\/td>/);
    expect(board).toContain('<td class="num bad">1</td>');
    expect(board).toContain('$0.050');
    expect(html).toContain('render: content_policy_violation');
  });

  it('fills the win-rate matrix from the prompts both engines completed', () => {
    const html = renderReportHtml(makeReport(), new Map());
    const matrix = /<table class="matrix">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
    expect(matrix).toContain('<td class="num win">100% <span class="ci">n=1</span></td>');
    expect(matrix).toContain('<td class="num loss">0% <span class="ci">n=1</span></td>');
  });

  it('draws a chart per prompt with a line per scored model, and embeds thumbnails', () => {
    const report = makeReport();
    const uri = 'data:image/jpeg;base64,/9j/AAAA';
    const thumbnails = new Map([[runKey(report.runs[0] as BenchRun), uri]]);
    const html = renderReportHtml(report, thumbnails);
    expect(html.match(/<svg\b/g)).toHaveLength(2);
    expect(html.match(/<\/svg>/g)).toHaveLength(2);
    expect(html.match(/<polyline /g)).toHaveLength(3);
    const points = /<polyline [^>]*points="([^"]+)"/.exec(html)?.[1]?.split(' ') ?? [];
    expect(points).toHaveLength(score.perFrame.flicker.length);
    for (const point of points) {
      const [x, y] = point.split(',').map(Number);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(520);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(170);
    }
    expect(html.match(/<img src="data:/g)).toHaveLength(1);
    expect(html).toContain(`<img src="${uri}" width="160"`);
    expect(html).toContain('no thumbnail');
  });

  it('says how to read the index next to the dynamic degree', () => {
    const html = renderReportHtml(makeReport(), new Map());
    expect(html).toContain('a frozen or static clip is perfectly “stable”');
  });
});
