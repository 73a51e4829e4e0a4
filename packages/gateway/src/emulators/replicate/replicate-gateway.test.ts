import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replicateProvider } from '../../providers/replicate/replicate-provider.js';
import { emulatedGateway, type EmulatedGateway } from '../../testing/emulated-provider.js';
import {
  createVideoThrough,
  describeStandardReliability,
  downloadAndProbe,
  gatewayTestTimeout,
} from '../../testing/provider-gateway-suite.js';
import { testDatabaseKinds } from '../../testing/test-databases.js';
import { replicateEmulator } from './replicate-emulator.js';

// The model id holds a slash: the registry must resolve `replicate/owner/name` exactly.
const modelName = 'replicate/kwaivgi/kling-v1.6-standard';
// The smallest render this model offers: 5 s, 720x720.
const request = { seconds: 5, size: '720x720' };

describe.each(testDatabaseKinds())('replicate through the gateway (%s)', (kind) => {
  let harness: EmulatedGateway;
  let directory: string;

  beforeAll(async () => {
    harness = await emulatedGateway(
      kind,
      replicateProvider,
      replicateEmulator,
      'kwaivgi/kling-v1.6-standard',
    );
    directory = await mkdtemp(join(tmpdir(), 'vgw-replicate-'));
  }, 60_000);

  afterAll(async () => {
    await harness.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('renders a completed MP4 that ffprobe reads', gatewayTestTimeout, async () => {
    const { id } = await createVideoThrough(harness, {
      model: modelName,
      prompt: 'a lighthouse at dusk',
      ...request,
    });
    const video = await harness.settle(id, 90_000);
    expect(video.status, JSON.stringify(video.error)).toBe('completed');
    expect(video.model).toBe(modelName);
    const { content, probe } = await downloadAndProbe(harness, id, join(directory, `${id}.mp4`));
    expect(content.headers.get('content-type')).toBe('video/mp4');
    expect(probe.codec).toBe('h264');
    expect(probe.durationSeconds).toBeGreaterThan(4);
  });

  describeStandardReliability({
    kind,
    harness: () => harness,
    model: modelName,
    request,
    expectations: {
      moderate: { status: 'failed', error: { code: 'content_policy_violation', param: 'prompt' } },
      'moderate-output': {
        error: { code: 'content_policy_violation', param: 'output' },
        settleMs: 90_000,
      },
      '429': { status: 'failed', code: /start_failed|provider_rate_limited/ },
      '429-once': { status: 'completed', settleMs: 90_000 },
      '500-once': { status: 'completed', settleMs: 90_000 },
      flap: { status: 'completed', settleMs: 90_000 },
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
