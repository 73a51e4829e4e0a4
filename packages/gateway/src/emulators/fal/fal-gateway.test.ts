import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledBinaryPaths } from '../../compose/build-video-models.js';
import { probeVideo } from '../../provider-utils/probe-video.js';
import { falProvider } from '../../providers/fal/fal-provider.js';
import { emulatedGateway, type EmulatedGateway } from '../../testing/emulated-provider.js';
import { testDatabaseKinds } from '../../testing/test-databases.js';
import { falEmulator } from './fal-emulator.js';

const perTest = { timeout: 120_000 };
const textToVideo = 'fal-ai/pika/v2.2/text-to-video';

describe.each(testDatabaseKinds())('fal (Pika) through the gateway (%s)', (kind) => {
  let harness: EmulatedGateway;
  let directory: string;

  beforeAll(async () => {
    harness = await emulatedGateway(kind, falProvider, falEmulator, textToVideo);
    directory = await mkdtemp(join(tmpdir(), 'vgw-fal-'));
  }, 60_000);

  afterAll(async () => {
    await harness.close();
    await rm(directory, { recursive: true, force: true });
  });

  async function create(prompt: string): Promise<string> {
    const response = await harness.gateway.app.request(
      '/v1/videos',
      harness.gateway.authorized({
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        // The smallest render Pika offers: 5 s at 720p; the model id keeps fal's slashes.
        body: JSON.stringify({ model: `fal/${textToVideo}`, prompt, seconds: 5, size: '1280x720' }),
      }),
    );
    const body = (await response.json()) as Record<string, any>;
    expect(response.status, JSON.stringify(body)).toBeLessThan(300);
    return body.id as string;
  }

  /** Settles a video; one whose status checks only ever miss (garbage) is expired by its deadline. */
  async function settleOrExpire(id: string): Promise<Record<string, any>> {
    try {
      return await harness.settle(id, 4_000);
    } catch {
      await harness.gateway.test.database.query(
        `update videos set deadline_at = now() - interval '1 second' where id = $1`,
        [id],
      );
      return harness.settle(id, 30_000);
    }
  }

  it('renders a completed MP4 that ffprobe reads', perTest, async () => {
    const id = await create('a lighthouse at dusk');
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
    expect(probe.durationSeconds).toBeGreaterThan(4);
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

  it('ends failed after retries when every create answers 429', perTest, async () => {
    const video = await harness.settle(await create('busy [429]'));
    expect(video.status).toBe('failed');
    expect(video.error.code).toBe('start_failed');
  });

  it('completes despite flapping status checks', perTest, async () => {
    const video = await harness.settle(await create('a windmill [flap]'), 90_000);
    expect(video.status, JSON.stringify(video.error)).toBe('completed');
  });

  it('never completes on garbage status answers and ends failed', perTest, async () => {
    const video = await settleOrExpire(await create('noise [garbage]'));
    expect(video.status).toBe('failed');
    // The gateway gives up after repeated missed checks (naming the bad response) or, at the
    // latest, at the deadline.
    expect(['provider_bad_response', 'upstream_timeout']).toContain(video.error.code);
  });

  it(
    'fails a moderated output as content_policy_violation naming the output',
    perTest,
    async () => {
      const video = await harness.settle(await create('a scene [moderate-output]'), 90_000);
      expect(video.status).toBe('failed');
      expect(video.error).toMatchObject({ code: 'content_policy_violation', param: 'output' });
    },
  );

  it('fails render_failed when the render fails', perTest, async () => {
    const video = await harness.settle(await create('a scene [fail]'), 90_000);
    expect(video.status).toBe('failed');
    expect(video.error.code).toBe('render_failed');
  });

  it('fails no_output when the request completes without a video', perTest, async () => {
    const video = await harness.settle(await create('empty [no-url]'), 90_000);
    expect(video.status).toBe('failed');
    expect(video.error.code).toBe('no_output');
  });

  it.each(['metadata-url', 'loopback-url'])(
    'refuses the download of a [%s] output and ends failed',
    async (trigger) => {
      const video = await harness.settle(await create(`elsewhere [${trigger}]`), 90_000);
      expect(video.status).toBe('failed');
      // validated-fetch refuses the metadata address; loopback port 1 cannot connect.
      expect(video.error.message).toContain('output download failed');
      expect(video.error.code).toBe(trigger === 'metadata-url' ? 'unsafe_url' : 'download_failed');
    },
    120_000,
  );
});
