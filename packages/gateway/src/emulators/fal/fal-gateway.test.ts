import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { falProvider } from '../../providers/fal/fal-provider.js';
import { emulatedGateway, type EmulatedGateway } from '../../testing/emulated-provider.js';
import {
  createVideoThrough,
  describeStandardReliability,
  downloadAndProbe,
  gatewayTestTimeout,
} from '../../testing/provider-gateway-suite.js';
import { testDatabaseKinds } from '../../testing/test-databases.js';
import { falEmulator } from './fal-emulator.js';

const textToVideo = 'fal-ai/pika/v2.2/text-to-video';
// The smallest render Pika offers: 5 s at 720p; the model id keeps fal's slashes.
const request = { seconds: 5, size: '1280x720' };

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

  it('renders a completed MP4 that ffprobe reads', gatewayTestTimeout, async () => {
    const { id } = await createVideoThrough(harness, {
      model: `fal/${textToVideo}`,
      prompt: 'a lighthouse at dusk',
      ...request,
    });
    const video = await harness.settle(id, 90_000);
    expect(video.status, JSON.stringify(video.error)).toBe('completed');
    const { content, probe } = await downloadAndProbe(harness, id, join(directory, `${id}.mp4`));
    expect(content.headers.get('content-type')).toBe('video/mp4');
    expect(probe.codec).toBe('h264');
    expect(probe.durationSeconds).toBeGreaterThan(4);
  });

  describeStandardReliability({
    kind,
    harness: () => harness,
    model: `fal/${textToVideo}`,
    request,
    expectations: {
      moderate: { status: 'failed', error: { code: 'content_policy_violation', param: 'prompt' } },
      '429': { status: 'failed', code: 'start_failed' },
      flap: { status: 'completed', settleMs: 90_000 },
      // The gateway gives up after repeated missed checks (naming the bad response) or, at the
      // latest, at the deadline.
      garbage: {
        status: 'failed',
        code: ['provider_bad_response', 'upstream_timeout'],
        expireAfterMs: 4_000,
      },
      'moderate-output': {
        status: 'failed',
        error: { code: 'content_policy_violation', param: 'output' },
        settleMs: 90_000,
      },
      fail: {
        status: 'failed',
        code: 'render_failed',
        settleMs: 90_000,
        title: 'fails render_failed when the render fails',
      },
      'no-url': { status: 'failed', code: 'no_output', settleMs: 90_000 },
      // validated-fetch refuses the metadata address; loopback port 1 cannot connect.
      'metadata-url': {
        status: 'failed',
        message: 'output download failed',
        code: 'unsafe_url',
        settleMs: 90_000,
      },
      'loopback-url': {
        status: 'failed',
        message: 'output download failed',
        code: 'download_failed',
        settleMs: 90_000,
      },
    },
  });
});
