import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledBinaryPaths } from '../../compose/build-video-models.js';
import { probeVideo } from '../../provider-utils/probe-video.js';
import { googleProvider } from '../../providers/google/google-provider.js';
import { emulatedGateway, type EmulatedGateway } from '../../testing/emulated-provider.js';
import { testDatabaseKinds } from '../../testing/test-databases.js';
import { googleEmulator } from './google-emulator.js';

const modelId = 'veo-3.0-fast-generate-001';

describe.each(testDatabaseKinds())('google through the gateway on %s', (kind) => {
  let harness: EmulatedGateway;
  let scratch: string;

  beforeAll(async () => {
    harness = await emulatedGateway(kind, googleProvider, googleEmulator, modelId);
    scratch = await mkdtemp(join(tmpdir(), 'vgw-google-gateway-'));
  }, 120_000);
  afterAll(async () => {
    await harness.close();
    await rm(scratch, { recursive: true, force: true });
  });

  async function create(prompt: string) {
    const response = await harness.gateway.app.request(
      '/v1/videos',
      harness.gateway.authorized({
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          model: `google/${modelId}`,
          prompt,
          seconds: '4',
          size: '1280x720',
        }),
      }),
    );
    expect(response.status).toBe(200);
    return (await response.json()) as { id: string; model: string };
  }

  /** A video that can never finish by itself ends at its deadline; pull that forward. */
  it('renders through Veo’s API shape to a playable MP4', { timeout: 120_000 }, async () => {
    const created = await create('a paper lantern drifting at dusk');
    expect(created.model).toBe(`google/${modelId}`);
    const video = await harness.settle(created.id);
    expect(video).toMatchObject({ status: 'completed', progress: 100 });
    const content = await harness.gateway.app.request(
      `/v1/videos/${created.id}/content`,
      harness.gateway.authorized(),
    );
    expect(content.status).toBe(200);
    expect(content.headers.get('content-type')).toBe('video/mp4');
    const file = join(scratch, `${kind}.mp4`);
    await writeFile(file, Buffer.from(await content.arrayBuffer()));
    const probe = await probeVideo(bundledBinaryPaths().ffprobePath, file);
    expect(probe.codec).toBe('h264');
    expect(probe.width).toBe(640);
    expect(probe.durationSeconds).toBeCloseTo(4, 0);
  });

  it(
    'fails [moderate] as content_policy_violation naming the prompt',
    { timeout: 120_000 },
    async () => {
      const video = await harness.settle((await create('a duel [moderate]')).id);
      expect(video).toMatchObject({
        status: 'failed',
        error: { code: 'content_policy_violation', param: 'prompt' },
      });
    },
  );

  it(
    'fails [moderate-output] as content_policy_violation naming the output',
    { timeout: 120_000 },
    async () => {
      const video = await harness.settle((await create('a duel [moderate-output]')).id);
      expect(video).toMatchObject({
        status: 'failed',
        error: { code: 'content_policy_violation', param: 'output' },
      });
    },
  );

  it('ends [429] failed after its start retries', { timeout: 120_000 }, async () => {
    const video = await harness.settle((await create('a crowd [429]')).id);
    expect(video.status).toBe('failed');
    expect(video.error.code).toBe('start_failed');
  });

  it('completes [flap] and [500-once] despite 500s', { timeout: 120_000 }, async () => {
    const flapping = await create('a metronome [flap]');
    const once = await create('a bell [500-once]');
    expect((await harness.settle(flapping.id)).status).toBe('completed');
    expect((await harness.settle(once.id)).status).toBe('completed');
  });

  it('ends [no-url] failed with no_output', { timeout: 120_000 }, async () => {
    const video = await harness.settle((await create('an empty room [no-url]')).id);
    expect(video).toMatchObject({ status: 'failed', error: { code: 'no_output' } });
  });

  it('ends [garbage] failed with the bad response, never stuck', { timeout: 120_000 }, async () => {
    const video = await harness.settle((await create('static [garbage]')).id);
    expect(video).toMatchObject({ status: 'failed', error: { code: 'provider_bad_response' } });
    expect(video.error.message).toMatch(/status checks in a row failed/);
  });

  const refusals = [
    ['metadata-url', /refusing to fetch 169\.254\.169\.254/],
    ['loopback-url', /fetch failed|ECONNREFUSED|answered/],
  ] as const;
  for (const [trigger, refusal] of refusals) {
    it(`refuses the [${trigger}] download and ends failed`, { timeout: 120_000 }, async () => {
      const created = await create(`a map [${trigger}]`);
      const video = await harness.settle(created.id);
      expect(video.status).toBe('failed');
      expect(video.error.message).toMatch(refusal);
    });
  }
});
