import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { googleProvider } from '../../providers/google/google-provider.js';
import { emulatedGateway, type EmulatedGateway } from '../../testing/emulated-provider.js';
import {
  createVideoThrough,
  describeStandardReliability,
  downloadAndProbe,
  gatewayTestTimeout,
} from '../../testing/provider-gateway-suite.js';
import { testDatabaseKinds } from '../../testing/test-databases.js';
import { googleEmulator } from './google-emulator.js';

const modelId = 'veo-3.0-fast-generate-001';
const request = { seconds: '4', size: '1280x720' };

describe.each(testDatabaseKinds())('google through the gateway on %s', (kind) => {
  let harness: EmulatedGateway;
  let directory: string;

  beforeAll(async () => {
    harness = await emulatedGateway(kind, googleProvider, googleEmulator, modelId);
    directory = await mkdtemp(join(tmpdir(), 'vgw-google-'));
  }, 120_000);

  afterAll(async () => {
    await harness.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('renders through Veo’s API shape to a playable MP4', gatewayTestTimeout, async () => {
    const created = await createVideoThrough(harness, {
      model: `google/${modelId}`,
      prompt: 'a paper lantern drifting at dusk',
      ...request,
    });
    expect(created.model).toBe(`google/${modelId}`);
    const video = await harness.settle(created.id as string);
    expect(video).toMatchObject({ status: 'completed', progress: 100 });
    const { content, probe } = await downloadAndProbe(
      harness,
      created.id as string,
      join(directory, `${kind}.mp4`),
    );
    expect(content.headers.get('content-type')).toBe('video/mp4');
    expect(probe.codec).toBe('h264');
    expect(probe.width).toBe(640);
    expect(probe.durationSeconds).toBeCloseTo(4, 0);
  });

  describeStandardReliability({
    kind,
    harness: () => harness,
    model: `google/${modelId}`,
    request,
    expectations: {
      moderate: { status: 'failed', error: { code: 'content_policy_violation', param: 'prompt' } },
      'moderate-output': {
        status: 'failed',
        error: { code: 'content_policy_violation', param: 'output' },
      },
      '429': { status: 'failed', code: 'start_failed' },
      flap: { status: 'completed' },
      '500-once': { status: 'completed' },
      'no-url': { status: 'failed', code: 'no_output' },
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
