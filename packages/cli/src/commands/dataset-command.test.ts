import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@vgw/gateway';
import { createDatasetFixture, type DatasetFixture } from '@vgw/gateway/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../main.js';
import { captureIo } from '../test-support/capture-io.js';

let cwd: string;
beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'vgw-cli-dataset-'));
});
afterAll(async () => rm(cwd, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }));

async function vgw(args: string[], environment: Record<string, string> = {}) {
  const captured = captureIo({ cwd, environment });
  const exitCode = await run(['node', 'vgw', ...args], captured.io);
  return { exitCode, stdout: captured.stdout(), stderr: captured.stderr() };
}

const lines = async (path: string) =>
  (await readFile(path, 'utf8'))
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, any>);

describe('vgw rate and vgw dataset export, embedded', () => {
  it('rates a rendered video and exports it with its caption and manifest line', async () => {
    const prompt = 'a paper kite over a grey sea';
    const generated = await vgw([
      'generate',
      prompt,
      '--seconds',
      '2',
      '--size',
      '320x240',
      '--json',
    ]);
    expect(generated.exitCode).toBe(0);
    const id = (JSON.parse(generated.stdout) as { id: string }).id;
    const rated = await vgw(['rate', id, '5', '--tag', 'hero', '--tag', 'sea', '--note', 'keep']);
    expect(rated).toMatchObject({ exitCode: 0, stdout: `rated ${id} 5/5 [hero, sea]\n` });

    const exported = await vgw([
      'dataset',
      'export',
      '--out',
      'ds',
      '--tag',
      'hero',
      '--val-fraction',
      '0',
      '--json',
    ]);
    expect(exported.stderr).toBe('');
    expect(JSON.parse(exported.stdout)).toMatchObject({ clips: 1, train: 1, validation: 0 });
    expect((await readdir(join(cwd, 'ds', 'train'))).sort()).toEqual([`${id}.mp4`, `${id}.txt`]);
    expect(await readFile(join(cwd, 'ds', 'train', `${id}.txt`), 'utf8')).toBe(`${prompt}\n`);
    const [line] = await lines(join(cwd, 'ds', 'manifest.jsonl'));
    expect(line).toMatchObject({
      video_id: id,
      rating: 5,
      tags: ['hero', 'sea'],
      provenance: { c2pa: 'embedded' },
    });

    const again = await vgw(['dataset', 'export', '--out', 'ds']);
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toMatch(/not empty/);
  });

  it.each([
    [['--min-rating', '7'], /--min-rating/],
    [['--val-fraction', 'lots'], /--val-fraction/],
    [['--conform', 'cog'], /conform/],
    [['--project', 'nobody'], /no project named/],
  ])('refuses %j with exit code 2', async (flags, message) => {
    const result = await vgw(['dataset', 'export', '--out', 'never', ...flags]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe('vgw dataset export against a server', () => {
  let fixture: DatasetFixture;
  let baseURL: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    fixture = await createDatasetFixture('pglite', cwd);
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const listening = serve(
        { fetch: fixture.gateway.app.fetch, hostname: '127.0.0.1', port: 0 },
        () => resolve(listening),
      );
    });
    baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  });
  afterAll(async () => {
    await close();
    await fixture.gateway.dispose();
  });

  it('runs the export as a job there and unpacks its zip into --out', async () => {
    const worker = fixture.gateway.newWorker();
    await worker.start();
    try {
      const environment = { VGW_BASE_URL: baseURL, VGW_API_KEY: fixture.gateway.apiKey };
      const result = await vgw(
        ['dataset', 'export', '--out', 'remote', '--min-stability', '50', '--val-fraction', '0'],
        environment,
      );
      expect(result.stderr).toBe('');
      expect(result.stdout).toMatch(/^exported 1 clips \(1 train, 0 validation\)/);
      expect(result.stdout).toMatch(/below_min_stability 1/);
      const kite = fixture.ids['a hero shot of a kite'];
      const [line] = await lines(join(cwd, 'remote', 'manifest.jsonl'));
      expect(line).toMatchObject({ video_id: kite, scores: { stability_index: 80 } });
      expect((await readdir(join(cwd, 'remote', 'train'))).sort()).toEqual([
        `${kite}.mp4`,
        `${kite}.txt`,
      ]);
    } finally {
      await worker.stop({ graceMs: 0 });
    }
  });
});
