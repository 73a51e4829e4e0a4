import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGatewayConfig, startProviderEmulator } from '@vgw/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchReportSchema } from '../bench/leaderboard/bench-report.js';
import type { BenchReport } from '../bench/leaderboard/bench-report.js';
import { run } from '../main.js';
import { captureIo } from '../test-support/capture-io.js';
import { tagBalanceProblem } from '../test-support/html-tag-balance.js';

/**
 * `vgw bench` on the embedded gateway with two real engines: `local`, and Runway's API served
 * by its emulator on loopback (rendering with the local engine). Two prompts: the first has
 * markup to escape, the second makes the emulator fail the render, so 4 renders and 3 scores.
 */
let cwd: string;
let emulator: Awaited<ReturnType<typeof startProviderEmulator>>;
let result: { exitCode: number; stdout: string; stderr: string };
let report: BenchReport;
let html: string;

const hostilePrompt = 'a red ball <script>alert("x")</script> bouncing & rolling';
const prompts = [
  { id: 'ball', shot: 'fast_action', prompt: hostilePrompt },
  { id: 'waves', shot: 'water_smoke', prompt: 'waves breaking on rocks [fail]' },
];
const models = ['local', 'runway/gen4.5'];

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'vgw-cli-bench-'));
  const config = await loadGatewayConfig({ cwd, environment: {}, file: null });
  emulator = await startProviderEmulator(config, 'runway', { port: 0, apiKey: 'bench-key' });
  const vgwConfig = {
    providers: { runway: { apiKey: 'bench-key', baseURL: emulator.url } },
    allowLoopbackDownloads: true,
  };
  await writeFile(join(cwd, 'vgw.config.json'), JSON.stringify(vgwConfig));
  await writeFile(join(cwd, 'prompts.json'), JSON.stringify(prompts));
  const captured = captureIo({ cwd });
  // Runway's smallest text-to-video render: 2 s at 1280x720; local renders the same.
  const args = ['bench', '--prompts', 'prompts.json', '--models', models.join(',')];
  const exitCode = await run(
    ['node', 'vgw', ...args, '--seconds', '2', '--size', '1280x720', '--out', 'out'],
    captured.io,
  );
  result = { exitCode, stdout: captured.stdout(), stderr: captured.stderr() };
  report = benchReportSchema.parse(
    JSON.parse(await readFile(join(cwd, 'out/report.json'), 'utf8')),
  );
  html = await readFile(join(cwd, 'out/report.html'), 'utf8');
}, 240_000);

afterAll(async () => {
  await emulator?.close();
  await rm(cwd, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
});

function runOf(model: string, promptId: string) {
  return report.runs.find((each) => each.model === model && each.promptId === promptId);
}

describe('vgw bench', () => {
  it('exits 0 and prints the leaderboard and the report paths', () => {
    expect(result.exitCode, result.stderr).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]?.split(/\s+/)).toEqual([
      'MODEL',
      'STABILITY',
      '95%',
      'CI',
      'MOVING',
      'USD/S',
      'RENDER',
      'S',
      'DONE',
      'FAILED',
    ]);
    expect(lines.at(-2)).toBe(join(cwd, 'out/report.html'));
    expect(lines.at(-1)).toBe(join(cwd, 'out/report.json'));
    expect(result.stderr).toMatch(/^vgw bench: \[4\/4\] /m);
  });

  it('writes a report.json that parses, with both models and figures in range', () => {
    expect(report.version).toBe(1);
    expect(report.gateway).toBe('embedded');
    expect(report.runs).toHaveLength(4);
    expect(report.leaderboard.map((row) => row.model).sort()).toEqual(models);
    for (const model of models) {
      const row = report.leaderboard.find((each) => each.model === model);
      expect(row?.stabilityIndex?.mean).toBeGreaterThan(0);
      expect(row?.stabilityIndex?.mean).toBeLessThanOrEqual(100);
      expect(row?.dynamicDegree.movingPairFraction?.mean).toBeGreaterThanOrEqual(0);
      expect(row?.dynamicDegree.movingPairFraction?.mean).toBeLessThanOrEqual(1);
      expect(row?.medianRenderSeconds).toBeGreaterThanOrEqual(0);
    }
    const local = report.leaderboard.find((row) => row.model === 'local');
    expect(local).toMatchObject({ runs: 2, completed: 2, failures: 0, costPerSecondMicroUsd: 0 });
    expect(local?.stabilityIndex?.samples).toBe(2);
  });

  it('takes each score from the gateway’s automatic scoring instead of scoring twice', () => {
    const completed = report.runs.filter((run) => run.status === 'completed');
    expect(completed).toHaveLength(3);
    for (const run of completed) {
      expect(run.scoredBy).toBe('gateway');
      expect(run.score?.analysis.frames).toBeGreaterThan(1);
    }
  });

  it('records the failed render and prices runs at the engine list price', () => {
    const runway = report.leaderboard.find((row) => row.model === 'runway/gen4.5');
    // runway/gen4.5 lists $0.12 per second; the API reports no charged cost.
    expect(runway).toMatchObject({ runs: 2, completed: 1, failures: 1 });
    expect(runway?.costPerSecondMicroUsd).toBe(120_000);
    expect(runOf('runway/gen4.5', 'ball')?.cost).toEqual({
      microUsd: 240_000,
      source: 'engine_price',
    });
    expect(runOf('runway/gen4.5', 'waves')).toMatchObject({
      status: 'failed',
      score: null,
      failure: { stage: 'render' },
    });
    expect(runOf('local', 'waves')?.status).toBe('completed');
    const overall = report.winRates.overall.find((rate) => rate.model === 'local');
    expect(overall?.comparisons).toBe(1);
  });

  it('keeps every downloaded clip and the thumbnails the engines serve', async () => {
    const files = (await readdir(join(cwd, 'out/videos'))).sort();
    // Runway serves no thumbnail: the report takes the clip's first frame instead.
    expect(runOf('runway/gen4.5', 'ball')?.files).toEqual({
      video: 'videos/ball--runway_gen4.5--r0.mp4',
      thumbnail: null,
    });
    expect(files).toEqual([
      'ball--local--r0.jpg',
      'ball--local--r0.mp4',
      'ball--runway_gen4.5--r0.mp4',
      'waves--local--r0.jpg',
      'waves--local--r0.mp4',
    ]);
  });

  it('writes a self-contained report.html that escapes the prompt', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(tagBalanceProblem(html)).toBeNull();
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\b(src|href)="(?!data:)/);
    expect(html).toContain('a red ball &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html.match(/<svg\b/g)).toHaveLength(2);
    expect(html.match(/<\/svg>/g)).toHaveLength(2);
    const thumbnails = html.match(/<img src="data:image\/jpeg;base64,[A-Za-z0-9+/=]+"/g);
    expect(thumbnails).toHaveLength(3);
  });

  it('draws one flicker line per model that completed each prompt', () => {
    const charts = [...html.matchAll(/<figure class="chart">([\s\S]*?)<\/figure>/g)].map(
      (match) => match[1] ?? '',
    );
    expect(charts).toHaveLength(2);
    const polylines = (chart: string) => [...chart.matchAll(/<polyline [^>]*points="([^"]+)"/g)];
    expect(polylines(charts[0] ?? '')).toHaveLength(2);
    expect(polylines(charts[1] ?? '')).toHaveLength(1);
    // One point per consecutive frame pair of the scored clip.
    const localBall = runOf('local', 'ball')?.score?.perFrame.flicker.length;
    const points = polylines(charts[0] ?? '')[0]?.[1]
      ?.trim()
      .split(' ');
    expect(points).toHaveLength(localBall ?? -1);
    expect(localBall).toBeGreaterThan(40);
  });
});

describe('vgw bench arguments', () => {
  async function vgw(args: string[]) {
    const captured = captureIo({ cwd });
    const exitCode = await run(['node', 'vgw', ...args], captured.io);
    return { exitCode, stdout: captured.stdout(), stderr: captured.stderr() };
  }

  it('refuses an unknown model before rendering anything', async () => {
    const result = await vgw(['bench', '--models', 'local,nobody/nothing', '--out', 'unknown']);
    expect(result).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: 'vgw: unknown model nobody/nothing (see "vgw engines")\n',
    });
    expect(await readdir(join(cwd, 'unknown/videos'))).toEqual([]);
  });

  it('refuses a model listed twice and a prompt file that is not a suite', async () => {
    const twice = await vgw(['bench', '--models', 'local,local']);
    expect(twice.exitCode).toBe(2);
    expect(twice.stderr).toMatch(/a model is listed twice/);
    await writeFile(join(cwd, 'bad.json'), JSON.stringify({ static: [] }));
    const bad = await vgw(['bench', '--models', 'local', '--prompts', 'bad.json']);
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toMatch(/^vgw: bad\.json is not a prompt suite/);
  });
});
