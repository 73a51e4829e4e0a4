import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledBinaryPaths } from '../../compose/build-video-models.js';
import { probeVideo } from '../../provider-utils/probe-video.js';
import { klingProvider } from '../../providers/kling/kling-provider.js';
import { emulatedGateway, type EmulatedGateway } from '../../testing/emulated-provider.js';
import { testDatabaseKinds } from '../../testing/test-databases.js';
import { klingEmulator } from './kling-emulator.js';

const model = 'kling/kling-v2-5-turbo';

describe.each(testDatabaseKinds())('kling through the gateway on %s', (kind) => {
  let harness: EmulatedGateway;
  let workDir: string;

  beforeAll(async () => {
    harness = await emulatedGateway(kind, klingProvider, klingEmulator, 'kling-v2-5-turbo');
    workDir = await mkdtemp(join(tmpdir(), 'kling-gateway-test-'));
  }, 120_000);
  afterAll(async () => {
    await harness?.close();
    await rm(workDir, { recursive: true, force: true });
  });

  async function create(prompt: string): Promise<string> {
    const response = await harness.gateway.app.request(
      '/v1/videos',
      harness.gateway.authorized({
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model, prompt, seconds: 5, size: '1280x720' }),
      }),
    );
    const video = (await response.json()) as Record<string, any>;
    expect(response.status, JSON.stringify(video)).toBe(200);
    return video.id as string;
  }

  /** Some failures only end at the deadline (the gateway keeps retrying checks until then). */
  async function settleOrExpire(id: string): Promise<Record<string, any>> {
    try {
      return await harness.settle(id, 4_000);
    } catch {
      await harness.gateway.test.database.query(
        'update videos set deadline_at = now() where id = $1',
        [id],
      );
      return harness.settle(id, 30_000);
    }
  }

  it('renders through Kling to an MP4 that ffprobe reads', { timeout: 120_000 }, async () => {
    const id = await create('a paper boat on a pond');
    const video = await harness.settle(id, 90_000);
    expect(video.status, JSON.stringify(video.error)).toBe('completed');
    const content = await harness.gateway.app.request(
      `/v1/videos/${id}/content`,
      harness.gateway.authorized(),
    );
    expect(content.status).toBe(200);
    const file = join(workDir, `${id}.mp4`);
    await writeFile(file, Buffer.from(await content.arrayBuffer()));
    const probe = await probeVideo(bundledBinaryPaths().ffprobePath, file);
    expect(probe.codec).toBe('h264');
    expect(probe.durationSeconds).toBeCloseTo(5, 0);
  });

  it(
    'fails [moderate] as content_policy_violation on the prompt',
    { timeout: 120_000 },
    async () => {
      const video = await harness.settle(await create('a storm [moderate]'));
      expect(video.status).toBe('failed');
      expect(video.error).toMatchObject({ code: 'content_policy_violation', param: 'prompt' });
    },
  );

  it(
    'fails [moderate-output] as content_policy_violation on the output',
    { timeout: 120_000 },
    async () => {
      const video = await harness.settle(await create('a calm lake [moderate-output]'), 90_000);
      expect(video.status).toBe('failed');
      expect(video.error).toMatchObject({ code: 'content_policy_violation', param: 'output' });
    },
  );

  it(
    'ends [429] failed after its retries instead of waiting forever',
    { timeout: 120_000 },
    async () => {
      const video = await harness.settle(await create('busy hour [429]'), 60_000);
      expect(video.status).toBe('failed');
      expect(video.error.code).toMatch(/start_failed|provider_rate_limited/);
    },
  );

  it('completes despite [flap] and [429-once]', { timeout: 120_000 }, async () => {
    const flapping = await harness.settle(await create('a windmill [flap]'), 90_000);
    expect(flapping.status, JSON.stringify(flapping.error)).toBe('completed');
    const once = await harness.settle(await create('a kite [429-once]'), 90_000);
    expect(once.status, JSON.stringify(once.error)).toBe('completed');
  });

  it('ends [no-url] failed with no_output', { timeout: 120_000 }, async () => {
    const video = await harness.settle(await create('an empty room [no-url]'), 90_000);
    expect(video.status).toBe('failed');
    expect(video.error.code).toBe('no_output');
  });

  // The gateway retries a failing status check until the deadline (see the report: a shared
  // change would fail these sooner); here the deadline is pulled forward.
  it('ends [garbage] failed instead of stuck', { timeout: 120_000 }, async () => {
    const video = await settleOrExpire(await create('static noise [garbage]'));
    expect(video.status).toBe('failed');
    expect(video.error.code).toMatch(/provider_bad_response|upstream_timeout/);
  });

  it('refuses the [metadata-url] download and ends failed', { timeout: 120_000 }, async () => {
    const video = await harness.settle(await create('a cloud [metadata-url]'), 60_000);
    expect(video.status).toBe('failed');
    expect(video.error.message).toMatch(/refusing to fetch 169\.254\.169\.254/);
  });

  it('ends [loopback-url] failed (port 1 does not answer)', { timeout: 120_000 }, async () => {
    const video = await harness.settle(await create('a mirror [loopback-url]'), 60_000);
    expect(video.status).toBe('failed');
    expect(video.error.message).toMatch(/download/);
  });
});
