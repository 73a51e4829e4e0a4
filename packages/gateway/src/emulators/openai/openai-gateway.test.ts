import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledBinaryPaths } from '../../compose/build-video-models.js';
import { probeVideo } from '../../provider-utils/probe-video.js';
import { openaiProvider } from '../../providers/openai/openai-provider.js';
import { emulatedGateway, type EmulatedGateway } from '../../testing/emulated-provider.js';
import { testDatabaseKinds } from '../../testing/test-databases.js';
import { openaiEmulator } from './openai-emulator.js';

const perTest = { timeout: 120_000 };
/** Where the adapter downloads finished videos by default (the harness sets no downloadDir). */
const downloadDir = join(tmpdir(), 'vgw-openai');

describe.each(testDatabaseKinds())('openai through the gateway (%s)', (kind) => {
  let harness: EmulatedGateway;
  let directory: string;

  beforeAll(async () => {
    harness = await emulatedGateway(kind, openaiProvider, openaiEmulator, 'sora-2');
    directory = await mkdtemp(join(tmpdir(), 'vgw-openai-gateway-'));
  }, 60_000);

  afterAll(async () => {
    const { rows } = await harness.gateway.test.database.query<{ video_id: string | null }>(
      `select operation->>'videoId' as video_id from videos`,
    );
    const ours = new Set(rows.map((row) => row.video_id).filter((id) => id != null));
    const names = await readdir(downloadDir).catch(() => [] as string[]);
    await Promise.all(
      names
        .filter((name) => ours.has(name.split('.')[0] ?? ''))
        .map((name) => rm(join(downloadDir, name), { force: true })),
    );
    await harness.close();
    await rm(directory, { recursive: true, force: true });
  });

  async function create(prompt: string, model = 'openai/sora-2'): Promise<string> {
    const response = await harness.gateway.app.request(
      '/v1/videos',
      harness.gateway.authorized({
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        // The smallest Sora render: 4 s; the emulator renders it at 360x640.
        body: JSON.stringify({ model, prompt, seconds: '4', size: '720x1280' }),
      }),
    );
    const body = (await response.json()) as Record<string, any>;
    expect(response.status, JSON.stringify(body)).toBeLessThan(300);
    return body.id as string;
  }

  /** A video that only misses checks is pushed past the adapter's render budget. */
  async function settleOrTimeOut(id: string): Promise<Record<string, any>> {
    try {
      return await harness.settle(id, 8_000);
    } catch {
      await harness.gateway.test.database.query(
        `update videos set operation = jsonb_set(operation, '{startedAt}', '0') where id = $1`,
        [id],
      );
      return harness.settle(id, 30_000);
    }
  }

  it('renders a completed MP4 that ffprobe reads, with a thumbnail', perTest, async () => {
    const id = await create('a paper boat on a rainy street');
    const video = await harness.settle(id, 90_000);
    expect(video.status, JSON.stringify(video.error)).toBe('completed');
    const content = await harness.gateway.app.request(
      `/v1/videos/${id}/content`,
      harness.gateway.authorized(),
    );
    expect(content.status).toBe(200);
    expect(content.headers.get('content-type')).toBe('video/mp4');
    const file = join(directory, `${id}.mp4`);
    await writeFile(file, Buffer.from(await content.arrayBuffer()));
    const probe = await probeVideo(bundledBinaryPaths().ffprobePath, file);
    expect(probe.codec).toBe('h264');
    expect(probe.durationSeconds).toBeGreaterThan(3);
    const thumbnail = await harness.gateway.app.request(
      `/v1/videos/${id}/content?variant=thumbnail`,
      harness.gateway.authorized(),
    );
    expect(thumbnail.status).toBe(200);
  });

  it('serves the bare model name sora-2', perTest, async () => {
    const id = await create('a quiet pond', 'sora-2');
    const video = await harness.settle(id, 90_000);
    expect(video.status, JSON.stringify(video.error)).toBe('completed');
  });

  it(
    'fails a moderated prompt as content_policy_violation naming the prompt',
    perTest,
    async () => {
      const video = await harness.settle(await create('a scene [moderate]'));
      expect(video.status).toBe('failed');
      expect(video.error).toMatchObject({ code: 'content_policy_violation', param: 'prompt' });
    },
  );

  it('fails a moderated output as content_policy_violation', perTest, async () => {
    const video = await harness.settle(await create('a storm [moderate-output]'), 90_000);
    expect(video.status).toBe('failed');
    expect(video.error.code).toBe('content_policy_violation');
  });

  it('ends failed after retries when every create answers 429', perTest, async () => {
    const video = await harness.settle(await create('busy [429]'));
    expect(video.status).toBe('failed');
    expect(video.error.code).toMatch(/start_failed|provider_rate_limited/);
  });

  it('completes despite a first 500 and flapping status checks', perTest, async () => {
    const video = await harness.settle(await create('a windmill [flap] [500-once]'), 90_000);
    expect(video.status, JSON.stringify(video.error)).toBe('completed');
  });

  it(
    'ends failed with provider_bad_response when status answers stay garbage',
    perTest,
    async () => {
      const video = await settleOrTimeOut(await create('noise [garbage]'));
      expect(video.status).toBe('failed');
      expect(video.error.code).toBe('provider_bad_response');
      expect(video.error.message).toMatch(/status checks in a row failed/);
    },
  );

  it('fails no_output when a completed video has no content', perTest, async () => {
    const video = await settleOrTimeOut(await create('empty [no-url]'));
    expect(video.status).toBe('failed');
    expect(video.error.code).toBe('no_output');
  });

  it.each(['metadata-url', 'loopback-url'])(
    'refuses a content redirect to [%s] and ends failed',
    async (trigger) => {
      const video = await settleOrTimeOut(await create(`elsewhere [${trigger}]`));
      expect(video.status).toBe('failed');
      expect(video.error.code).toBe('unsafe_url');
      expect(video.error.message).toMatch(/private address/);
    },
    120_000,
  );
});
