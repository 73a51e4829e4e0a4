import { describe, expect, it } from 'vitest';
import { runwayProvider } from '../../providers/runway/runway-provider.js';
import { useEmulatedGateway } from '../../test-support/emulated-gateway-fixture.js';
import {
  createVideoThrough,
  describeStandardReliability,
  sharedOutcomes,
  downloadAndProbe,
  expireDeadline,
  fetchVideo,
  gatewayTestTimeout,
  videoEvents,
} from '../../test-support/provider-gateway-suite.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { runwayEmulator } from './runway-emulator.js';

const pngDataUri =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
const model = 'runway/gen4.5';
const request = { seconds: 2, size: '1280x720' };

describe.each(testDatabaseKinds())('runway through the gateway on %s', (kind) => {
  const fixture = useEmulatedGateway({
    kind,
    provider: runwayProvider,
    emulator: runwayEmulator,
    modelId: 'gen4.5',
    setupMs: 120_000,
  });

  async function create(body: Record<string, unknown>): Promise<string> {
    const video = await createVideoThrough(fixture.harness, { model, ...request, ...body });
    return video.id as string;
  }

  async function expectPlayableMp4(id: string): Promise<void> {
    const { content, probe } = await downloadAndProbe(
      fixture.harness,
      id,
      fixture.directory.file(`${id}.mp4`),
      {
        decode: false,
      },
    );
    expect(content.headers.get('content-type')).toBe('video/mp4');
    expect(probe.codec).toBe('h264');
    expect(probe.durationSeconds).toBeGreaterThan(1.5);
  }

  it('renders runway/gen4.5 text to video into a playable MP4', gatewayTestTimeout, async () => {
    const id = await create({ prompt: 'a lighthouse at dusk', seed: 0 });
    const video = await fixture.harness.settle(id, 90_000);
    expect(video, JSON.stringify(video.error)).toMatchObject({
      status: 'completed',
      progress: 100,
    });
    expect(video.provider).toBe('runway');
    await expectPlayableMp4(id);
  });

  it('renders image to video from an input_reference', gatewayTestTimeout, async () => {
    const id = await create({
      prompt: 'the still image comes alive',
      size: '960x960',
      input_reference: { image_url: pngDataUri },
    });
    const video = await fixture.harness.settle(id, 90_000);
    expect(video, JSON.stringify(video.error)).toMatchObject({ status: 'completed' });
    await expectPlayableMp4(id);
  });

  describeStandardReliability({
    kind,
    harness: () => fixture.harness,
    model,
    request,
    expectations: {
      ...sharedOutcomes,
      '429': {
        status: 'failed',
        code: /start_failed|provider_rate_limited/,
        title: 'ends failed after the start retries, not stuck',
      },
    },
  });

  it(
    '[garbage] keeps missing checks, then ends failed at the deadline',
    gatewayTestTimeout,
    async () => {
      const id = await create({ prompt: 'noise [garbage]' });
      await fixture.harness.gateway.drain(fixture.harness.gateway.newWorker(), 5);
      expect((await fetchVideo(fixture.harness, id)).status).toBe('in_progress');
      await expireDeadline(fixture.harness, id);
      const video = await fixture.harness.settle(id);
      expect(video).toMatchObject({ status: 'failed', error: { code: 'upstream_timeout' } });
    },
  );

  /** Waits until the download was refused (a handler failure) or the video failed outright. */
  async function awaitRefusal(id: string, limitMs = 60_000) {
    const worker = fixture.harness.gateway.newWorker();
    const deadline = Date.now() + limitMs;
    for (;;) {
      await fixture.harness.gateway.drain(worker, 3);
      const failures = await videoEvents(fixture.harness, id, 'handler_failed');
      const video = await fetchVideo(fixture.harness, id);
      const refusal = (failures[0]?.message as string | undefined) ?? null;
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
      const settled = await fixture.harness.settle(id);
      expect(settled.status).toBe('failed');
      expect(settled.error.message).toMatch(expected);
    },
    gatewayTestTimeout.timeout,
  );
});

describe.each(testDatabaseKinds())('runway/gen4_turbo through the gateway on %s', (kind) => {
  const fixture = useEmulatedGateway({
    kind,
    provider: runwayProvider,
    emulator: runwayEmulator,
    modelId: 'gen4_turbo',
    setupMs: 120_000,
  });

  it(
    'refuses a request without an image with a 400 naming input_reference',
    gatewayTestTimeout,
    async () => {
      const response = await fixture.harness.gateway.postVideo({
        model: 'runway/gen4_turbo',
        prompt: 'no image',
        seconds: 5,
      });
      const body = (await response.json()) as Record<string, any>;
      expect(response.status).toBe(400);
      expect(body.error).toMatchObject({
        code: 'missing_required_parameter',
        param: 'input_reference',
      });
      const rows = await fixture.harness.gateway.test.database.query('select 1 from videos');
      expect(rows.rowCount).toBe(0);
    },
  );
});
