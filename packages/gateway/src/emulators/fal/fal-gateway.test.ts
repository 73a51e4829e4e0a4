import { describe, expect, it } from 'vitest';
import { falProvider } from '../../providers/fal/fal-provider.js';
import { useEmulatedGateway } from '../../test-support/emulated-gateway-fixture.js';
import {
  describeStandardReliability,
  sharedOutcomes,
  gatewayTestTimeout,
  renderThrough,
} from '../../test-support/provider-gateway-suite.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { falEmulator } from './fal-emulator.js';

const textToVideo = 'fal-ai/pika/v2.2/text-to-video';
// The smallest render Pika offers: 5 s at 720p; the model id keeps fal's slashes.
const request = { seconds: 5, size: '1280x720' };

describe.each(testDatabaseKinds())('fal (Pika) through the gateway (%s)', (kind) => {
  const fixture = useEmulatedGateway({
    kind,
    provider: falProvider,
    emulator: falEmulator,
    modelId: textToVideo,
  });

  it('renders a completed MP4 that ffprobe reads', gatewayTestTimeout, async () => {
    const { content, probe } = await renderThrough(fixture, {
      model: `fal/${textToVideo}`,
      prompt: 'a lighthouse at dusk',
      ...request,
    });
    expect(content.headers.get('content-type')).toBe('video/mp4');
    expect(probe.codec).toBe('h264');
    expect(probe.durationSeconds).toBeGreaterThan(4);
  });

  describeStandardReliability({
    kind,
    harness: () => fixture.harness,
    model: `fal/${textToVideo}`,
    request,
    expectations: {
      ...sharedOutcomes,
      '429': { status: 'failed', code: 'start_failed' },
      // The gateway gives up after repeated missed checks (naming the bad response) or, at the
      // latest, at the deadline.
      garbage: {
        status: 'failed',
        code: ['provider_bad_response', 'upstream_timeout'],
        expireAfterMs: 4_000,
      },
      fail: {
        status: 'failed',
        code: 'render_failed',
        settleMs: 90_000,
        title: 'fails render_failed when the render fails',
      },
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
