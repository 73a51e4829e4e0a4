import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { createApiKey } from '../auth/api-keys.js';
import { findVideoFile } from '../db/video-files-repository.js';
import { createDatasetFixture, type DatasetFixture } from '../test-support/dataset-fixtures.js';
import { useScratchDirectory } from '../test-support/scratch-directory.js';
import { testDatabaseKinds } from '../test-support/test-databases.js';

const scratch = useScratchDirectory('vgw-datasets-api-');

async function json(response: Response) {
  return (await response.json()) as Record<string, any>;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Every file in a zip, by name. */
async function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
  const files = new Map<string, Buffer>();
  for await (const entry of zip.eachEntry()) {
    files.set(entry.fileName, await readAll(await zip.openReadStreamPromise(entry)));
  }
  return files;
}

describe.each(testDatabaseKinds())('/v1/datasets on %s', (kind) => {
  let fixture: DatasetFixture;
  beforeAll(async () => {
    fixture = await createDatasetFixture(kind, scratch.path);
  });
  afterAll(async () => fixture.gateway.dispose());

  const get = (path: string) => fixture.gateway.app.request(path, fixture.gateway.authorized());

  it('exports as a job: queued, run by the worker, then a zip of the dataset', async () => {
    const { gateway, ids } = fixture;
    const created = await gateway.postJson('/v1/datasets', { min_rating: 4, val_fraction: 0 });
    expect(created.status).toBe(202);
    const queued = await json(created);
    expect(queued).toMatchObject({
      object: 'dataset',
      status: 'queued',
      counts: null,
      filters: { min_rating: 4, layout: 'manifest', conform: null, val_fraction: 0 },
    });
    expect(queued.id).toMatch(/^ds_/);
    const early = await get(`/v1/datasets/${queued.id}/content`);
    expect(early.status).toBe(400);
    expect((await json(early)).error.code).toBe('dataset_not_ready');

    expect(await gateway.newWorker().runOnce()).toBeGreaterThanOrEqual(1);
    const done = await json(await get(`/v1/datasets/${queued.id}`));
    expect(done).toMatchObject({
      status: 'completed',
      counts: { clips: 1, train: 1, validation: 0, excluded: { unrated: 2, no_provenance: 2 } },
      error: null,
    });

    const download = await get(`/v1/datasets/${queued.id}/content`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/zip');
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(bytes.length).toBe(done.zip_bytes);
    const files = await unzip(bytes);
    const kite = ids['a hero shot of a kite'];
    expect([...files.keys()].sort()).toEqual(
      [
        'README.txt',
        'dataset.json',
        'manifest.jsonl',
        'train.jsonl',
        `train/${kite}.mp4`,
        `train/${kite}.txt`,
      ].sort(),
    );
    const line = JSON.parse(files.get('manifest.jsonl')!.toString('utf8')) as Record<string, any>;
    expect(line).toMatchObject({ video_id: kite, rating: 5, media_path: `train/${kite}.mp4` });
    const stored = await findVideoFile(gateway.test.database, kite, 'video');
    const original = await readFile(gateway.store.pathOf(stored!.sha256));
    expect(
      createHash('sha256')
        .update(files.get(`train/${kite}.mp4`)!)
        .digest('hex'),
    ).toBe(createHash('sha256').update(original).digest('hex'));

    const list = await json(await get('/v1/datasets'));
    expect(list.data.map((item: { id: string }) => item.id)).toContain(queued.id);
  });

  it.each([
    [{ val_fraction: 0.9 }, 'val_fraction'],
    [{ conform: 'cogvideo' }, 'conform'],
    [{ since: 'yesterday' }, 'since'],
    [{ min_rating: 6 }, 'min_rating'],
    [{ tag: 'Not A Tag' }, 'tag'],
    [{ projects: 'all' }, 'projects'],
  ])('refuses %j naming %s', async (body, param) => {
    const response = await fixture.gateway.postJson('/v1/datasets', body);
    expect(response.status).toBe(400);
    expect((await json(response)).error.param).toBe(param);
  });

  it('answers 404 dataset_id for unknown ids and other projects’ exports', async () => {
    const { gateway } = fixture;
    const mine = await json(await gateway.postJson('/v1/datasets', {}));
    const stranger = (await createApiKey(gateway.test.database, 'elsewhere')).key;
    const theirs = await gateway.app.request(`/v1/datasets/${mine.id}`, {
      headers: { authorization: `Bearer ${stranger}` },
    });
    expect(theirs.status).toBe(404);
    expect((await json(theirs)).error.param).toBe('dataset_id');
    expect((await get('/v1/datasets/ds_nope')).status).toBe(404);
    expect((await get('/v1/datasets/ds_x%20y')).status).toBe(404);
  });
});
