import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGateway, loadGatewayConfig, pino } from '@vgw/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../main.js';
import { captureIo } from '../test-support/capture-io.js';

let cwd: string;
beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'vgw-cli-usage-'));
  // The local engine lists no price; an internal GPU rate makes its renders cost something.
  await writeFile(
    join(cwd, 'vgw.config.json'),
    JSON.stringify({ prices: { local: { usdPerSecond: 0.002 } }, scoring: { enabled: false } }),
  );
});
afterAll(() => rm(cwd, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }));

async function vgw(args: string[]) {
  const captured = captureIo({ cwd });
  const exitCode = await run(['node', 'vgw', ...args], captured.io);
  return { exitCode, stdout: captured.stdout(), stderr: captured.stderr() };
}

/**
 * A render through the API that nobody downloads, which `vgw generate` never leaves behind (it
 * saves every video it makes): created with a key of the project, rendered by a worker.
 */
async function renderWithoutDownload(key: string, seconds: number): Promise<void> {
  const config = await loadGatewayConfig({ cwd, environment: {}, file: null });
  const gateway = await createGateway(config, { logger: pino({ level: 'silent' }) });
  const worker = gateway.newWorker({ scoring: false });
  try {
    const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
    const created = await gateway.app.request('/v1/videos', {
      method: 'POST',
      headers,
      body: JSON.stringify({ prompt: 'never fetched', seconds: String(seconds), size: '64x64' }),
    });
    const { id } = (await created.json()) as { id: string };
    await worker.start();
    for (let polls = 0; polls < 600; polls += 1) {
      const video = await gateway.app.request(`/v1/videos/${id}`, { headers });
      const { status } = (await video.json()) as { status: string };
      if (status === 'completed') return;
      if (status === 'failed') throw new Error(`video ${id} failed`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`video ${id} did not finish`);
  } finally {
    await worker.stop();
    await gateway.close();
  }
}

function parseCsv(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trimEnd().split('\n');
  const names = (header as string).split(',');
  return lines.map((line) =>
    Object.fromEntries(line.split(',').map((cell, at) => [names[at], cell])),
  );
}

describe('vgw usage', () => {
  // Two real renders and three gateways opened on PGlite: slow on a busy two-core machine.
  it(
    'reports spend, finished seconds and videos never downloaded, in JSON, CSV and a table',
    { timeout: 120_000 },
    async () => {
      const generated = await vgw(['generate', 'a fox', '--seconds', '2', '--size', '64x64']);
      expect(generated.exitCode, generated.stderr).toBe(0);
      const created = await vgw(['keys', 'create', '--project', 'local', '--json']);
      const key = JSON.parse(created.stdout) as { id: string; key: string };
      await renderWithoutDownload(key.key, 3);

      // One project so far (the embedded CLI's `local`): no --project needed.
      const json = await vgw(['usage', '--json']);
      expect(json.exitCode, json.stderr).toBe(0);
      const report = JSON.parse(json.stdout) as Record<string, any>;
      expect(report).toMatchObject({ object: 'usage.report', project: 'local', group_by: null });
      expect(Date.parse(report.until) - Date.parse(report.since)).toBe(30 * 86_400_000);
      expect(report.total).toEqual({
        videos: 2,
        attempts: 2,
        finished_seconds: 5,
        spent_usd: '0.010000',
        settled_usd: '0.010000',
        at_risk_usd: '0.000000',
        open_reservations_usd: '0.000000',
        failure_cost_usd: '0.000000',
        cost_per_finished_second_usd: '0.002000',
        never_downloaded_usd: '0.006000',
        upstream_rejections: 0,
      });

      const csv = await vgw(['usage', '--group-by', 'key', '--csv', '--since', '1h']);
      expect(csv.exitCode, csv.stderr).toBe(0);
      const rows = parseCsv(csv.stdout);
      expect(
        rows.map((row) => [row.key_id, row.finished_seconds, row.never_downloaded_usd]),
      ).toEqual([
        [key.id, '3', '0.006000'],
        ['', '2', '0.000000'],
        ['(total)', '5', '0.006000'],
      ]);

      const table = (await vgw(['usage', '--group-by', 'model'])).stdout.split('\n');
      expect(table[0]).toMatch(/^usage of project local, \S+ \S+Z to \S+ \S+Z; amounts in USD$/);
      expect(table[1]?.split(/\s{2,}/).slice(0, 5)).toEqual([
        'MODEL',
        'VIDEOS',
        'ATTEMPTS',
        'FINISHED S',
        'SPENT',
      ]);
      expect(table[2]?.split(/\s+/).slice(0, 5)).toEqual(['local', '2', '2', '5', '0.010000']);
      expect(table[3]?.split(/\s+/).slice(0, 2)).toEqual(['(total)', '2']);
    },
  );

  it('needs --project once there are several, and reports a project with nothing spent', async () => {
    await vgw(['keys', 'create', '--project', 'team-b']);
    expect(await vgw(['usage'])).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'vgw: there are 2 projects (local, team-b); name one with --project\n',
    });
    const idle = await vgw(['usage', '--project', 'team-b', '--group-by', 'route', '--json']);
    const report = JSON.parse(idle.stdout) as Record<string, any>;
    expect(report.data).toEqual([]);
    expect(report.total).toMatchObject({ videos: 0, spent_usd: '0.000000' });
    expect(report.total.cost_per_finished_second_usd).toBeNull();
  });

  it.each([
    [['--project', 'nobody'], 1, 'vgw: no project named "nobody"'],
    [['--group-by', 'colour'], 2, "argument 'colour' is invalid. Allowed choices are model"],
    [['--since', 'yesterday'], 2, "argument 'yesterday' is invalid. expected a span back"],
    [['--since', '0d'], 2, "argument '0d' is invalid"],
    [['--json', '--csv'], 2, "option '--json' cannot be used with option '--csv'"],
  ])('refuses %j clearly', async (args, exitCode, message) => {
    const result = await vgw(['usage', ...args]);
    expect(result.exitCode).toBe(exitCode);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(result.stderr).toContain(message);
  });
});
