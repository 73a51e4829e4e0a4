import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useScratchDirectory } from '../test-support/scratch-directory.js';
import {
  clipModel,
  drainAll,
  getStoryboard,
  postStoryboard,
  renderClips,
} from '../test-support/storyboard-fixtures.js';
import { testDatabaseKinds } from '../test-support/test-databases.js';
import { createTestGateway, type TestGateway } from '../test-support/test-gateway.js';

const scratch = useScratchDirectory('vgw-storyboard-durability-');
let clips: Record<string, string> = {};

beforeAll(async () => {
  clips = await renderClips(scratch.path, [
    { name: 'one', frames: 12 },
    { name: 'two', frames: 12 },
    { name: 'three', frames: 12 },
  ]);
}, 60_000);

describe.each(testDatabaseKinds())('storyboard durability on %s', (kind) => {
  let gateway: TestGateway | null = null;
  afterEach(async () => {
    await gateway?.dispose();
    gateway = null;
  });

  async function open(failing: string[] = []) {
    const model = clipModel(clips, { failing });
    gateway = await createTestGateway(kind, [model]);
    return { gateway, model };
  }

  async function shotVideos(test: TestGateway, id: string) {
    const result = await test.test.database.query<{ shot_index: number; video_id: string | null }>(
      'select shot_index, video_id from storyboard_shots where storyboard_id = $1 order by 1',
      [id],
    );
    return result.rows.map((row) => row.video_id);
  }

  /** The storyboard worker alone, without the video worker beside it: videos stay queued. */
  async function storyboardPass(test: TestGateway) {
    await test.test.database.query(`update videos set next_check_at = now() + interval '1 hour'`);
    const worker = test.newWorker();
    await worker.runOnce();
    await worker.stop({ graceMs: 0 });
  }

  it('creates independent shots at once and a continued shot only after its predecessor', async () => {
    const { gateway } = await open();
    const independent = await postStoryboard(gateway, {
      shots: [{ prompt: 'one' }, { prompt: 'two' }, { prompt: 'three' }],
    });
    const chained = await postStoryboard(gateway, {
      shots: [{ prompt: 'one' }, { prompt: 'two', continue: true }, { prompt: 'three' }],
    });
    await storyboardPass(gateway);
    expect((await shotVideos(gateway, independent.body.id)).every((id) => id != null)).toBe(true);
    const [first, second, third] = await shotVideos(gateway, chained.body.id);
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    expect(third).not.toBeNull();
    await drainAll(gateway);
    expect((await getStoryboard(gateway, chained.body.id)).status).toBe('completed');
  });

  it('never creates or bills a shot twice when a pass is repeated after a crash', async () => {
    const { gateway, model } = await open();
    const created = await postStoryboard(gateway, {
      shots: [{ prompt: 'one' }, { prompt: 'two' }, { prompt: 'three', continue: true }],
    });
    await storyboardPass(gateway);
    const before = await shotVideos(gateway, created.body.id);
    // As if the worker died after creating the videos but before recording them: the row is
    // as it was when claimed (due), under a lease that has run out.
    await gateway.test.database.query(
      `update storyboard_shots set video_id = null, seen_status = null where storyboard_id = $1`,
      [created.body.id],
    );
    await gateway.test.database.query(
      `update storyboards set locked_by = 'worker_dead', locked_until = now() - interval '1 second',
         next_attempt_at = now() where id = $1`,
      [created.body.id],
    );
    await storyboardPass(gateway);
    expect(await shotVideos(gateway, created.body.id)).toEqual(before);
    await drainAll(gateway);
    const counts = await gateway.test.database.query<{
      videos: number;
      reserved: number;
      settled: number;
    }>(
      `select (select count(*)::int from videos) as videos,
         (select count(*)::int from ledger_entries where kind = 'reserve') as reserved,
         (select count(*)::int from ledger_entries where kind = 'settle') as settled`,
    );
    expect(counts.rows[0]).toEqual({ videos: 3, reserved: 3, settled: 3 });
    expect(model.startCalls).toHaveLength(3);
    const storyboard = await getStoryboard(gateway, created.body.id);
    expect(storyboard.status).toBe('completed');
    expect(storyboard.cost).toEqual({ estimate_usd: '1.200000', settled_usd: '1.200000' });
  });

  it('hands a shot its own image as the input reference', async () => {
    const { gateway, model } = await open();
    const png = await sharp({ create: { width: 32, height: 18, channels: 3, background: '#0a0' } })
      .png()
      .toBuffer();
    const created = await postStoryboard(gateway, {
      shots: [{ prompt: 'one', image: `data:image/png;base64,${png.toString('base64')}` }],
    });
    expect(created.status).toBe(200);
    await drainAll(gateway);
    const reference = model.startCalls[0]?.inputReference;
    expect(reference?.mediaType).toBe('image/png');
    expect(Buffer.compare(await readFile(reference?.path as string), png)).toBe(0);
    expect((await getStoryboard(gateway, created.body.id)).status).toBe('completed');
  });

  it('fails on a failed shot, naming it, and starts no shot that continues from it', async () => {
    const { gateway, model } = await open(['two']);
    const created = await postStoryboard(gateway, {
      shots: [{ prompt: 'one' }, { prompt: 'two' }, { prompt: 'three', continue: true }],
    });
    await drainAll(gateway);
    const storyboard = await getStoryboard(gateway, created.body.id);
    expect(storyboard.status).toBe('failed');
    expect(storyboard.error.shot).toBe(1);
    expect(storyboard.error.code).toBe('shot_failed');
    expect(storyboard.error.message).toContain('shot 1');
    expect(storyboard.error.message).toContain('render_failed');
    expect(storyboard.shots.map((shot: { status: string }) => shot.status)).toEqual([
      'completed',
      'failed',
      'pending',
    ]);
    expect(model.startCalls.map((call) => call.prompt).sort()).toEqual(['one', 'two']);
    expect(storyboard.stitched).toBeNull();
    const content = await gateway.app.request(
      `/v1/storyboards/${created.body.id}/content`,
      gateway.authorized(),
    );
    expect(content.status).toBe(400);
  });
});
