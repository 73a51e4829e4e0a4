import { describe, expect, it } from 'vitest';
import { lumaProvider } from '../../providers/luma/luma-provider.js';
import { useEmulatedGateway } from '../../test-support/emulated-gateway-fixture.js';
import {
  describeStandardReliability,
  sharedOutcomes,
  gatewayTestTimeout,
  renderThrough,
} from '../../test-support/provider-gateway-suite.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { lumaEmulator } from './luma-emulator.js';

// The smallest render Luma offers: 5 s at 540p.
const request = { seconds: 5, size: '960x540' };

describe.each(testDatabaseKinds())('luma through the gateway (%s)', (kind) => {
  const fixture = useEmulatedGateway({
    kind,
    provider: lumaProvider,
    emulator: lumaEmulator,
    modelId: 'ray-flash-2',
  });

  it('renders a completed MP4 that ffprobe reads', gatewayTestTimeout, async () => {
    const { content, probe } = await renderThrough(fixture, {
      model: 'luma/ray-flash-2',
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
    model: 'luma/ray-flash-2',
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
        title: 'fails a failed render as render_failed',
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
