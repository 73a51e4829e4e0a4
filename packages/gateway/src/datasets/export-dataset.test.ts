import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledBinaryPaths } from '../media/bundled-binaries.js';
import { createDatasetFixture, type DatasetFixture } from '../test-support/dataset-fixtures.js';
import { useScratchDirectory } from '../test-support/scratch-directory.js';
import { testDatabaseKinds } from '../test-support/test-databases.js';
import { datasetRequestSchema, type DatasetRequest } from './dataset-request.js';
import { splitOf } from './dataset-split.js';
import { exportDataset } from './export-dataset.js';

const scratch = useScratchDirectory('vgw-dataset-');

const sha256 = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');

async function manifest(root: string, name = 'manifest.jsonl') {
  const text = await readFile(join(root, name), 'utf8');
  return text
    .trimEnd()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, any>);
}

describe.each(testDatabaseKinds())('exportDataset on %s', (kind) => {
  let fixture: DatasetFixture;
  let runs = 0;
  beforeAll(async () => {
    fixture = await createDatasetFixture(kind, scratch.path);
  });
  afterAll(async () => fixture.gateway.dispose());

  const deps = () => ({
    database: fixture.gateway.test.database,
    store: fixture.gateway.store,
    ...bundledBinaryPaths(),
  });
  async function run(body: Partial<Record<keyof DatasetRequest, unknown>> = {}) {
    const out = join(scratch.path, `${kind}-out-${(runs += 1)}`);
    const request = datasetRequestSchema.parse(body);
    const report = await exportDataset(deps(), fixture.gateway.projectId, request, out);
    return { out, report };
  }

  it('copies labelled completed clips with captions and a manifest beside them', async () => {
    const { ids } = fixture;
    const { out, report } = await run({ val_fraction: 0 });
    expect(report).toMatchObject({ clips: 4, train: 4, validation: 0 });
    expect(report.excluded).toEqual({ no_provenance: 2, failed: 1 });
    expect((await readdir(out)).sort()).toEqual(
      ['README.txt', 'dataset.json', 'manifest.jsonl', 'provenance', 'train', 'train.jsonl'].sort(),
    );
    const kite = ids['a hero shot of a kite'];
    expect(await readFile(join(out, 'train', `${kite}.txt`), 'utf8')).toBe(
      'a hero shot of a kite\n',
    );
    const lines = await manifest(out);
    expect(lines.map((line) => line.video_id)).toEqual([
      kite,
      ids['waves at dusk, sidecar'],
      ids['a slow pan over hills'],
      ids['six frames only'],
    ]);
    const [first, waves, pan] = lines;
    expect(first).toMatchObject({
      media_path: `train/${kite}.mp4`,
      video_path: `train/${kite}.mp4`,
      caption: 'a hero shot of a kite',
      split: 'train',
      num_frames: 48,
      fps: 24,
      width: 160,
      height: 90,
      model: 'fake/fake-1',
      scores: { stability_index: 80, dynamic: true },
      rating: 5,
      tags: ['hero', 'sky'],
      provenance: { c2pa: 'embedded', ai_generated: true, c2pa_sidecar: null },
      conform: null,
    });
    expect(first!.sha256).toBe(await sha256(join(out, first!.media_path)));
    expect(waves).toMatchObject({ has_audio: true, fps: 25, width: 320, rating: null });
    expect(waves!.provenance.c2pa_sidecar).toBe(`provenance/${waves!.video_id}.c2pa`);
    expect(await readFile(join(out, waves!.provenance.c2pa_sidecar), 'utf8')).toBe(
      'c2pa manifest bytes',
    );
    expect(pan).toMatchObject({ fps_rational: '24000/1001', fps: 23.976 });
    const readme = await readFile(join(out, 'README.txt'), 'utf8');
    for (const trainer of ['diffusion-pipe', 'musubi-tuner', 'ai-toolkit', 'finetrainers']) {
      expect(readme).toContain(trainer);
    }
    expect(readme).toContain('LTX-Video-Trainer');
  });

  it('splits by the hash of the video id, the same way on every run', async () => {
    const first = await run({ val_fraction: 0.5, layout: 'flat' });
    const second = await run({ val_fraction: 0.5, layout: 'flat' });
    const listing = async (out: string) => ({
      train: (await readdir(join(out, 'train'))).sort(),
      validation: (await readdir(join(out, 'validation')).catch(() => [])).sort(),
    });
    expect(await listing(second.out)).toEqual(await listing(first.out));
    const { train, validation } = await listing(first.out);
    for (const name of train.filter((file) => file.endsWith('.mp4'))) {
      expect(splitOf(name.replace(/\.mp4$/, ''), 0.5)).toBe('train');
    }
    for (const name of validation.filter((file) => file.endsWith('.mp4'))) {
      expect(splitOf(name.replace(/\.mp4$/, ''), 0.5)).toBe('validation');
    }
    expect(first.report.train + first.report.validation).toBe(4);
    expect(await readdir(first.out)).not.toContain('manifest.jsonl');
  });

  it('filters by rating, tag, stability and model, and says why clips were left out', async () => {
    const { ids } = fixture;
    const names = async (out: string) =>
      (await manifest(out)).map((line) => line.video_id as string);
    const byRating = await run({ min_rating: 4, val_fraction: 0 });
    expect(await names(byRating.out)).toEqual([ids['a hero shot of a kite']]);
    expect(byRating.report.excluded).toMatchObject({ unrated: 2, below_min_rating: 1 });
    const byTag = await run({ tag: 'slow', val_fraction: 0 });
    expect(await names(byTag.out)).toEqual([ids['a slow pan over hills']]);
    expect(byTag.report.excluded).toMatchObject({ missing_tag: 3 });
    const byStability = await run({ min_stability: 50, val_fraction: 0 });
    expect(await names(byStability.out)).toEqual([ids['a hero shot of a kite']]);
    expect(byStability.report.excluded).toMatchObject({ below_min_stability: 1, unscored: 2 });
    const otherModel = await run({ model: 'someone-else' });
    expect(otherModel.report).toMatchObject({ clips: 0, excluded: {} });
    const future = await run({ since: '2999-01-01' });
    expect(future.report.clips).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    expect((await run({ until: today })).report.clips).toBe(4);
  });

  it('refuses a non-empty folder and leaves no half dataset when an export fails', async () => {
    const busy = join(scratch.path, `${kind}-busy`);
    await mkdir(busy, { recursive: true });
    await writeFile(join(busy, 'keep.txt'), 'mine');
    const request = datasetRequestSchema.parse({});
    await expect(exportDataset(deps(), fixture.gateway.projectId, request, busy)).rejects.toThrow(
      /not empty/,
    );
    const broken = { ...deps(), ffmpegPath: '/nonexistent/ffmpeg' };
    const out = join(scratch.path, `${kind}-broken`);
    await expect(
      exportDataset(broken, fixture.gateway.projectId, { ...request, conform: 'wan' }, out),
    ).rejects.toThrow(/conform/);
    const left = (await readdir(scratch.path)).filter((name) => name.includes(`${kind}-broken`));
    expect(left).toEqual([]);
  });
});
