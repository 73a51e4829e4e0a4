import { describe, expect, it } from 'vitest';
import { replicateProvider } from '../../providers/replicate/replicate-provider.js';
import { useEmulatedGateway } from '../../test-support/emulated-gateway-fixture.js';
import {
  describeStandardReliability,
  sharedOutcomes,
  gatewayTestTimeout,
  renderThrough,
} from '../../test-support/provider-gateway-suite.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { replicateEmulator } from './replicate-emulator.js';

// The model id holds a slash: the registry must resolve `replicate/owner/name` exactly.
const modelName = 'replicate/kwaivgi/kling-v1.6-standard';
// The smallest render this model offers: 5 s, 720x720.
const request = { seconds: 5, size: '720x720' };

describe.each(testDatabaseKinds())('replicate through the gateway (%s)', (kind) => {
  const fixture = useEmulatedGateway({
    kind,
    provider: replicateProvider,
    emulator: replicateEmulator,
    modelId: 'kwaivgi/kling-v1.6-standard',
  });

  it('renders a completed MP4 that ffprobe reads', gatewayTestTimeout, async () => {
    const { video, content, probe } = await renderThrough(fixture, {
      model: modelName,
      prompt: 'a lighthouse at dusk',
      ...request,
    });
    expect(video.model).toBe(modelName);
    expect(content.headers.get('content-type')).toBe('video/mp4');
    expect(probe.codec).toBe('h264');
    expect(probe.durationSeconds).toBeGreaterThan(4);
  });

  describeStandardReliability({
    kind,
    harness: () => fixture.harness,
    model: modelName,
    request,
    expectations: {
      ...sharedOutcomes,
      '429': { status: 'failed', code: /start_failed|provider_rate_limited/ },
      '429-once': { status: 'completed', settleMs: 90_000 },
      '500-once': { status: 'completed', settleMs: 90_000 },
      fail: { error: { code: 'render_failed' }, settleMs: 90_000 },
      garbage: {
        status: 'failed',
        code: 'provider_bad_response',
        message: /status checks in a row failed/,
        expireAfterMs: 8_000,
      },
      'no-url': { status: 'failed', code: 'no_output', expireAfterMs: 8_000 },
      'metadata-url': {
        status: 'failed',
        code: 'unsafe_url',
        message: /refusing to fetch 169\.254\.169\.254/,
        expireAfterMs: 8_000,
      },
      'loopback-url': { status: 'failed', code: 'download_failed', expireAfterMs: 8_000 },
    },
  });
});
