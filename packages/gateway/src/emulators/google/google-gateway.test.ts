import { describe, expect, it } from 'vitest';
import { googleProvider } from '../../providers/google/google-provider.js';
import { useEmulatedGateway } from '../../test-support/emulated-gateway-fixture.js';
import {
  describeStandardReliability,
  sharedOutcomes,
  gatewayTestTimeout,
  renderThrough,
} from '../../test-support/provider-gateway-suite.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { googleEmulator } from './google-emulator.js';

const modelId = 'veo-3.0-fast-generate-001';
const request = { seconds: '4', size: '1280x720' };

describe.each(testDatabaseKinds())('google through the gateway on %s', (kind) => {
  const fixture = useEmulatedGateway({
    kind,
    provider: googleProvider,
    emulator: googleEmulator,
    modelId,
    setupMs: 120_000,
  });

  it('renders through Veo’s API shape to a playable MP4', gatewayTestTimeout, async () => {
    const { created, video, content, probe } = await renderThrough(
      fixture,
      { model: `google/${modelId}`, prompt: 'a paper lantern drifting at dusk', ...request },
      { settleMs: 60_000, file: `${kind}.mp4` },
    );
    expect(created.model).toBe(`google/${modelId}`);
    expect(video).toMatchObject({ status: 'completed', progress: 100 });
    expect(content.headers.get('content-type')).toBe('video/mp4');
    expect(probe.codec).toBe('h264');
    expect(probe.width).toBe(640);
    expect(probe.durationSeconds).toBeCloseTo(4, 0);
  });

  describeStandardReliability({
    kind,
    harness: () => fixture.harness,
    model: `google/${modelId}`,
    request,
    expectations: {
      ...sharedOutcomes,
      '429': { status: 'failed', code: 'start_failed' },
      '500-once': { status: 'completed' },
      // Missed checks fail the video with the bad response, never leave it stuck.
      garbage: {
        status: 'failed',
        code: 'provider_bad_response',
        message: /status checks in a row failed/,
      },
      'metadata-url': {
        status: 'failed',
        message: /refusing to fetch 169\.254\.169\.254/,
        title: 'is refused by the download and ends failed',
      },
      'loopback-url': {
        status: 'failed',
        message: /fetch failed|ECONNREFUSED|answered/,
        title: 'is refused by the download and ends failed',
      },
    },
  });
});
