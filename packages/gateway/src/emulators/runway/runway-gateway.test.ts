import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledBinaryPaths } from '../../compose/build-video-models.js';
import { probeVideo } from '../../provider-utils/probe-video.js';
import { runwayProvider } from '../../providers/runway/runway-provider.js';
import { emulatedGateway, type EmulatedGateway } from '../../testing/emulated-provider.js';
import { testDatabaseKinds } from '../../testing/test-databases.js';
import { runwayEmulator } from './runway-emulator.js';

const pngDataUri =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

describe.each(testDatabaseKinds())('runway through the gateway on %s', (kind) => {
  let setup: EmulatedGateway;
  let probeDir: string;

  beforeAll(async () => {
    setup = await emulatedGateway(kind, runwayProvider, runwayEmulator, 'gen4.5');
    probeDir = await mkdtemp(join(tmpdir(), 'vgw-runway-probe-'));
  }, 120_000);
  afterAll(async () => {
    await setup.close();
    await rm(probeDir, { recursive: true, force: true });
  });

  async function create(body: Record<string, unknown>) {
    const response = await setup.gateway.app.request(
      '/v1/videos',
      setup.gateway.authorized({
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'runway/gen4.5', seconds: 2, size: '1280x720', ...body }),
      }),
    );
    const video = (await response.json()) as Record<string, any>;
    expect(response.status, JSON.stringify(video)).toBe(200);
    return video.id as string;
  }

  /** A render whose status checks cannot succeed runs until its deadline, pulled to now. */
  async function expireNow(id: string) {
    await setup.gateway.test.database.query(
      `update videos set deadline_at = now() - interval '1 second' where id = $1`,
      [id],
    );
  }

  async function expectPlayableMp4(id: string) {
    const content = await setup.gateway.app.request(
      `/v1/videos/${id}/content`,
      setup.gateway.authorized(),
    );
    expect(content.status).toBe(200);
    expect(content.headers.get('content-type')).toBe('video/mp4');
    const file = join(probeDir, `${id}.mp4`);
    await writeFile(file, Buffer.from(await content.arrayBuffer()));
    const probe = await probeVideo(bundledBinaryPaths().ffprobePath, file, { decode: false });
    expect(probe.codec).toBe('h264');
    expect(probe.durationSeconds).toBeGreaterThan(1.5);
  }

  it('renders runway/gen4.5 text to video into a playable MP4', async () => {
    const id = await create({ prompt: 'a lighthouse at dusk', seed: 0 });
    const video = await setup.settle(id, 90_000);
    expect(video, JSON.stringify(video.error)).toMatchObject({
      status: 'completed',
      progress: 100,
    });
    expect(video.provider).toBe('runway');
    await expectPlayableMp4(id);
  }, 120_000);

  it('renders image to video from an input_reference', async () => {
    const id = await create({
      prompt: 'the still image comes alive',
      size: '960x960',
      input_reference: { image_url: pngDataUri },
    });
    const video = await setup.settle(id, 90_000);
    expect(video, JSON.stringify(video.error)).toMatchObject({ status: 'completed' });
    await expectPlayableMp4(id);
  }, 120_000);

  it('[moderate] fails with content_policy_violation naming the prompt', async () => {
    const video = await setup.settle(await create({ prompt: 'a cat [moderate]' }));
    expect(video).toMatchObject({
      status: 'failed',
      error: { code: 'content_policy_violation', param: 'prompt' },
    });
  }, 120_000);

  it('[429] ends failed after the start retries, not stuck', async () => {
    const video = await setup.settle(await create({ prompt: 'busy [429]' }));
    expect(video.status).toBe('failed');
    expect(video.error.code).toMatch(/start_failed|provider_rate_limited/);
  }, 120_000);

  it('[flap] still completes', async () => {
    const video = await setup.settle(await create({ prompt: 'a flapping flag [flap]' }), 90_000);
    expect(video, JSON.stringify(video.error)).toMatchObject({ status: 'completed' });
  }, 120_000);

  it('[no-url] fails with no_output', async () => {
    const video = await setup.settle(await create({ prompt: 'nothing [no-url]' }), 90_000);
    expect(video).toMatchObject({ status: 'failed', error: { code: 'no_output' } });
  }, 120_000);

  it('[garbage] keeps missing checks, then ends failed at the deadline', async () => {
    const id = await create({ prompt: 'noise [garbage]' });
    await setup.gateway.drain(setup.gateway.newWorker(), 5);
    const before = await setup.gateway.app.request(`/v1/videos/${id}`, setup.gateway.authorized());
    expect(((await before.json()) as Record<string, any>).status).toBe('in_progress');
    await expireNow(id);
    const video = await setup.settle(id);
    expect(video).toMatchObject({ status: 'failed', error: { code: 'upstream_timeout' } });
  }, 120_000);

  /** Waits until the download was refused (a handler failure) or the video failed outright. */
  async function awaitRefusal(id: string, limitMs = 60_000) {
    const worker = setup.gateway.newWorker();
    const deadline = Date.now() + limitMs;
    for (;;) {
      await setup.gateway.drain(worker, 3);
      const events = await setup.gateway.test.database.query<{ detail: { message?: string } }>(
        `select detail from video_events where video_id = $1 and type = 'handler_failed'`,
        [id],
      );
      const response = await setup.gateway.app.request(
        `/v1/videos/${id}`,
        setup.gateway.authorized(),
      );
      const video = (await response.json()) as Record<string, any>;
      const refusal = events.rows[0]?.detail.message ?? null;
      if (refusal != null || video.status === 'failed') return { video, refusal };
      if (Date.now() > deadline) throw new Error(`video ${id} is still ${video.status}`);
      // Waiting on a real ffmpeg render in the emulator.
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it.each([
    ['metadata-url', /private address|169\.254/],
    ['loopback-url', /fetch failed|ECONNREFUSED|connect/i],
  ])(
    '[%s] is refused by the download and ends failed',
    async (trigger, expected) => {
      const id = await create({ prompt: `a sneaky output [${trigger}]` });
      const { video, refusal } = await awaitRefusal(id);
      expect(video.status).not.toBe('completed');
      expect(refusal ?? video.error?.message).toMatch(expected);
      const settled = await setup.settle(id);
      expect(settled.status).toBe('failed');
      expect(settled.error.message).toMatch(expected);
    },
    120_000,
  );
});

describe.each(testDatabaseKinds())('runway/gen4_turbo through the gateway on %s', (kind) => {
  let setup: EmulatedGateway;
  beforeAll(async () => {
    setup = await emulatedGateway(kind, runwayProvider, runwayEmulator, 'gen4_turbo');
  }, 120_000);
  afterAll(async () => setup.close());

  it('refuses a request without an image with a 400 naming input_reference', async () => {
    const response = await setup.gateway.app.request(
      '/v1/videos',
      setup.gateway.authorized({
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'runway/gen4_turbo', prompt: 'no image', seconds: 5 }),
      }),
    );
    const body = (await response.json()) as Record<string, any>;
    expect(response.status).toBe(400);
    expect(body.error).toMatchObject({
      code: 'missing_required_parameter',
      param: 'input_reference',
    });
    const rows = await setup.gateway.test.database.query('select 1 from videos');
    expect(rows.rowCount).toBe(0);
  }, 120_000);
});
