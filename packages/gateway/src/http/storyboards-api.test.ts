import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useScratchDirectory } from '../test-support/scratch-directory.js';
import {
  clipModel,
  drainAll,
  postStoryboard,
  renderClips,
} from '../test-support/storyboard-fixtures.js';
import { testDatabaseKinds } from '../test-support/test-databases.js';
import { createTestGateway, type TestGateway } from '../test-support/test-gateway.js';

const scratch = useScratchDirectory('vgw-storyboards-api-');
let clips: Record<string, string> = {};

beforeAll(async () => {
  clips = await renderClips(scratch.path, [
    { name: 'left', frames: 12 },
    { name: 'right', frames: 12 },
  ]);
}, 60_000);

describe.each(testDatabaseKinds())('/v1/storyboards on %s', (kind) => {
  let gateway: TestGateway | null = null;
  afterEach(async () => {
    await gateway?.dispose();
    gateway = null;
  });

  async function open() {
    gateway = await createTestGateway(kind, [clipModel(clips)]);
    return gateway;
  }

  it('lists, reads and serves the stitched MP4 with ranges', async () => {
    const test = await open();
    const created = await postStoryboard(test, {
      name: 'pair',
      shots: [{ prompt: 'left' }, { prompt: 'right', seconds: '4' }],
    });
    expect(created.body).toMatchObject({ object: 'storyboard', name: 'pair', status: 'queued' });
    expect(created.body.id).toMatch(/^sb_[0-9a-f]{32}$/);
    const early = await test.app.request(
      `/v1/storyboards/${created.body.id}/content`,
      test.authorized(),
    );
    expect(early.status).toBe(400);
    expect(((await early.json()) as any).error.code).toBe('storyboard_not_ready');
    await drainAll(test);
    const list = (await (
      await test.app.request('/v1/storyboards?limit=1', test.authorized())
    ).json()) as Record<string, any>;
    expect(list).toMatchObject({ object: 'list', has_more: false, first_id: created.body.id });
    const [storyboard] = list.data;
    expect(storyboard.status).toBe('completed');
    expect(storyboard.sequence_id).toMatch(/^seq_/);
    const sequence = (await (
      await test.app.request(`/v1/sequences/${storyboard.sequence_id}`, test.authorized())
    ).json()) as Record<string, any>;
    expect(sequence.name).toBe('pair');
    expect(sequence.clips.map((clip: { video_id: string }) => clip.video_id)).toEqual(
      storyboard.shots.map((shot: { video_id: string }) => shot.video_id),
    );
    expect(storyboard.stitched.url).toBe(`/v1/storyboards/${created.body.id}/content`);
    const whole = await test.app.request(storyboard.stitched.url, test.authorized());
    expect(whole.headers.get('content-type')).toBe('video/mp4');
    const bytes = Buffer.from(await whole.arrayBuffer());
    expect(bytes.length).toBe(storyboard.stitched.bytes);
    const part = await test.app.request(
      storyboard.stitched.url,
      test.authorized({ headers: { range: 'bytes=4-11' } }),
    );
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 4-11/${bytes.length}`);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(bytes.subarray(4, 12));
    expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
    const outside = await test.app.request(
      storyboard.stitched.url,
      test.authorized({ headers: { range: `bytes=${bytes.length + 5}-` } }),
    );
    expect(outside.status).toBe(416);
  });

  it('answers a repeated Idempotency-Key with the first storyboard, another body with 409', async () => {
    const test = await open();
    const send = (body: Record<string, unknown>) =>
      test.app.request(
        '/v1/storyboards',
        test.authorized({
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': 'board-1' },
          body: JSON.stringify(body),
        }),
      );
    const body = { shots: [{ prompt: 'left' }, { prompt: 'right' }] };
    const first = (await (await send(body)).json()) as { id: string };
    const again = (await (await send(body)).json()) as { id: string };
    expect(again.id).toBe(first.id);
    const other = await send({ shots: [{ prompt: 'left' }] });
    expect(other.status).toBe(409);
    const rows = await test.test.database.query('select id from storyboards');
    expect(rows.rows).toHaveLength(1);
  });

  it('answers 404 for unknown ids and 4xx for bodies that are not JSON objects', async () => {
    const test = await open();
    const missing = await test.app.request('/v1/storyboards/sb_nope', test.authorized());
    expect(missing.status).toBe(404);
    const odd = await test.app.request('/v1/storyboards/%00', test.authorized());
    expect(odd.status).toBe(404);
    const form = await test.app.request(
      '/v1/storyboards',
      test.authorized({ method: 'POST', body: new URLSearchParams({ prompt: 'x' }) }),
    );
    expect(form.status).toBe(400);
    expect(((await form.json()) as any).error.param).toBe('Content-Type');
    for (const body of ['[]', '"shots"', '{"shots": [{"prompt": "a\\u0000"}]}', '{']) {
      const response = await test.postJson('/v1/storyboards', body);
      expect(response.status, body).toBe(400);
    }
    const badAfter = await test.app.request('/v1/storyboards?after=sb_x', test.authorized());
    expect(badAfter.status).toBe(400);
  });
});
