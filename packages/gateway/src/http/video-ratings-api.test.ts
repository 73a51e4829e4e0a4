import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../auth/api-keys.js';
import { ratingSummaries } from '../db/ratings-repository.js';
import {
  completeVideos,
  createFileVideoModel,
  renderTestClip,
} from '../test-support/clip-fixtures.js';
import { useScratchDirectory } from '../test-support/scratch-directory.js';
import { testDatabaseKinds } from '../test-support/test-databases.js';
import { createTestGateway, type TestGateway } from '../test-support/test-gateway.js';

const scratch = useScratchDirectory('vgw-ratings-');

async function json(response: Response) {
  return (await response.json()) as Record<string, any>;
}

describe.each(testDatabaseKinds())('video ratings on %s', (kind) => {
  let gateway: TestGateway;
  let ids: string[];
  let otherKey: string;

  beforeAll(async () => {
    const clip = await renderTestClip(scratch.path, { name: `r-${kind}`, frames: 12 });
    const model = createFileVideoModel({ one: clip, two: clip, three: clip });
    gateway = await createTestGateway(kind, [model]);
    ids = await completeVideos(gateway, ['one', 'two', 'three']);
    otherKey = (await createApiKey(gateway.test.database, 'test-project')).key;
  });
  afterAll(async () => gateway.dispose());

  const rate = (id: string, body: unknown, key = gateway.apiKey) =>
    gateway.app.request(`/v1/videos/${id}/ratings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const get = async (path: string) => json(await gateway.app.request(path, gateway.authorized()));

  it('keeps one rating per key and video: a second POST replaces it', async () => {
    const first = await rate(ids[0]!, { score: 2, tags: ['blurry'] });
    expect(first.status).toBe(200);
    const replaced = await json(await rate(ids[0]!, { score: 4, tags: ['hero', 'hero', 'dusk'] }));
    expect(replaced).toMatchObject({ object: 'video.rating', score: 4, tags: ['hero', 'dusk'] });
    expect(replaced.note).toBeNull();
    await rate(ids[0]!, { score: 5, tags: ['hero'], note: 'keeper' }, otherKey);
    const list = await get(`/v1/videos/${ids[0]}/ratings`);
    expect(list.data.map((rating: { score: number }) => rating.score)).toEqual([4, 5]);
    expect(list.data[1].note).toBe('keeper');
    const video = await get(`/v1/videos/${ids[0]}`);
    expect(video.ratings).toEqual({ count: 2, average: 4.5, tags: { hero: 2, dusk: 1 } });
  });

  it('shows summaries on a list page, null where nobody rated', async () => {
    await rate(ids[1]!, { score: 1 });
    const page = await get('/v1/videos?order=asc');
    const byId = new Map(page.data.map((video: any) => [video.id, video.ratings]));
    expect(byId.get(ids[1]!)).toEqual({ count: 1, average: 1, tags: {} });
    expect(byId.get(ids[2]!)).toBeNull();
    const summaries = await ratingSummaries(gateway.test.database, ids);
    expect([...summaries.keys()].sort()).toEqual([ids[0], ids[1]].sort());
  });

  it.each([
    [{ score: 0 }, 'score'],
    [{ score: 6 }, 'score'],
    [{ score: 3.5 }, 'score'],
    [{ score: '4' }, 'score'],
    [{}, 'score'],
    [{ score: 3, tags: ['Hero'] }, 'tags.0'],
    [{ score: 3, tags: ['a'.repeat(41)] }, 'tags.0'],
    [{ score: 3, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'tags'],
    [{ score: 3, note: 'x'.repeat(2001) }, 'note'],
    [{ score: 3, note: 'nul\u0000' }, 'note'],
    [{ score: 3, stars: 5 }, 'stars'],
    ['[1]', 'body'],
    ['{not json', 'body'],
  ])('refuses %j naming %s', async (body, param) => {
    const response = await rate(ids[2]!, body);
    expect(response.status).toBe(400);
    expect((await json(response)).error.param).toBe(param);
  });

  it('answers 404 video_id for unknown, deleted and other projects’ videos', async () => {
    const stranger = (await createApiKey(gateway.test.database, 'other-project')).key;
    const response = await rate(ids[2]!, { score: 3 }, stranger);
    expect(response.status).toBe(404);
    expect((await json(response)).error.param).toBe('video_id');
    expect((await rate('video_nope', { score: 3 })).status).toBe(404);
    const deleted = await gateway.app.request(
      `/v1/videos/${ids[2]}`,
      gateway.authorized({ method: 'DELETE' }),
    );
    expect(deleted.status).toBe(200);
    expect((await rate(ids[2]!, { score: 3 })).status).toBe(404);
    const list = await gateway.app.request(`/v1/videos/${ids[2]}/ratings`, gateway.authorized());
    expect(list.status).toBe(404);
  });

  it('refuses a video that has not completed', async () => {
    await gateway.test.database.query(`update videos set status = 'failed' where id = $1`, [
      ids[1],
    ]);
    const response = await rate(ids[1]!, { score: 3 });
    expect(response.status).toBe(400);
    expect((await json(response)).error).toMatchObject({
      param: 'video_id',
      code: 'video_not_ready',
    });
  });
});
