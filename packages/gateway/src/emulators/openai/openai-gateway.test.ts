import { readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openaiProvider } from '../../providers/openai/openai-provider.js';
import { useEmulatedGateway } from '../../test-support/emulated-gateway-fixture.js';
import type { EmulatedGateway } from '../../test-support/emulated-provider.js';
import {
  createVideoThrough,
  describeStandardReliability,
  sharedOutcomes,
  gatewayTestTimeout,
  renderThrough,
  type TriggerExpectation,
} from '../../test-support/provider-gateway-suite.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { openaiEmulator } from './openai-emulator.js';

/** Where the adapter downloads finished videos by default (the harness sets no downloadDir). */
const downloadDir = join(tmpdir(), 'vgw-openai');
// The smallest Sora render: 4 s; the emulator renders it at 360x640.
const request = { seconds: '4', size: '720x1280' };

/** A video that only misses checks is pushed past the adapter's render budget. */
const pastRenderBudget = {
  expireAfterMs: 8_000,
  expireBy: 'render-budget',
} as const satisfies TriggerExpectation;

/** The adapter refuses a content redirect to a private address. */
const refusedRedirect = {
  status: 'failed',
  code: 'unsafe_url',
  message: /private address/,
  title: 'refuses the content redirect and ends failed',
  ...pastRenderBudget,
} as const satisfies TriggerExpectation;

/** Removes the downloads of this suite's videos from the adapter's shared download folder. */
async function removeOurDownloads(harness: EmulatedGateway): Promise<void> {
  const { rows } = await harness.gateway.test.database.query<{ video_id: string | null }>(
    `select operation->>'videoId' as video_id from videos`,
  );
  const ours = new Set(rows.map((row) => row.video_id).filter((id) => id != null));
  const names = await readdir(downloadDir).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((name) => ours.has(name.split('.')[0] ?? ''))
      .map((name) => rm(join(downloadDir, name), { force: true })),
  );
}

describe.each(testDatabaseKinds())('openai through the gateway (%s)', (kind) => {
  const fixture = useEmulatedGateway({
    kind,
    provider: openaiProvider,
    emulator: openaiEmulator,
    modelId: 'sora-2',
    beforeClose: removeOurDownloads,
  });

  it(
    'renders a completed MP4 that ffprobe reads, with a thumbnail',
    gatewayTestTimeout,
    async () => {
      const { created, content, probe } = await renderThrough(fixture, {
        model: 'openai/sora-2',
        prompt: 'a paper boat on a rainy street',
        ...request,
      });
      expect(content.headers.get('content-type')).toBe('video/mp4');
      expect(probe.codec).toBe('h264');
      expect(probe.durationSeconds).toBeGreaterThan(3);
      const thumbnail = await fixture.harness.gateway.app.request(
        `/v1/videos/${created.id}/content?variant=thumbnail`,
        fixture.harness.gateway.authorized(),
      );
      expect(thumbnail.status).toBe(200);
    },
  );

  it('serves the bare model name sora-2', gatewayTestTimeout, async () => {
    const { id } = await createVideoThrough(fixture.harness, {
      model: 'sora-2',
      prompt: 'a quiet pond',
      ...request,
    });
    const video = await fixture.harness.settle(id, 90_000);
    expect(video.status, JSON.stringify(video.error)).toBe('completed');
  });

  describeStandardReliability({
    kind,
    harness: () => fixture.harness,
    model: 'openai/sora-2',
    request,
    expectations: {
      ...sharedOutcomes,
      'moderate-output': { status: 'failed', code: 'content_policy_violation', settleMs: 90_000 },
      '429': { status: 'failed', code: /start_failed|provider_rate_limited/ },
      // A first 500 on create and flapping status checks.
      flap: { status: 'completed', alsoTriggers: ['500-once'], settleMs: 90_000 },
      garbage: {
        status: 'failed',
        code: 'provider_bad_response',
        message: /status checks in a row failed/,
        ...pastRenderBudget,
      },
      'no-url': { status: 'failed', code: 'no_output', ...pastRenderBudget },
      'metadata-url': refusedRedirect,
      'loopback-url': refusedRedirect,
    },
  });
});
