import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ProviderApiError, type VideoStatusResult } from '@vgw/spec';
import { afterEach, describe, expect, it } from 'vitest';
import { setBudget } from '../db/budgets-repository.js';
import { completedWithFiles, createFakeVideoModel } from '../test-support/fake-video-model.js';
import { testDatabaseKinds } from '../test-support/test-databases.js';
import {
  createTestGateway,
  type TestGateway,
  type TestGatewayOptions,
} from '../test-support/test-gateway.js';

const down = () => {
  throw new ProviderApiError('fake', 'HTTP 503: upstream down', {
    status: 503,
    code: 'provider_unavailable',
    retryable: false,
  });
};

async function readVideo(gateway: TestGateway, id: string): Promise<Record<string, any>> {
  const response = await gateway.app.request(`/v1/videos/${id}`, gateway.authorized());
  return (await response.json()) as Record<string, any>;
}

async function ledger(gateway: TestGateway) {
  const { rows } = await gateway.test.database.query<{
    attempt: number;
    kind: string;
    amount: string;
  }>(`select attempt, kind, amount_micro_usd as amount from ledger_entries order by id`);
  return rows.map((row) => ({ attempt: row.attempt, kind: row.kind, amount: Number(row.amount) }));
}

describe.each(testDatabaseKinds())('route fallback on %s', (kind) => {
  let gateway: TestGateway | null = null;
  afterEach(async () => {
    await gateway?.dispose();
    gateway = null;
  });

  async function open(
    first: Parameters<typeof createFakeVideoModel>[0],
    options: TestGatewayOptions = {},
  ) {
    const failing = createFakeVideoModel({ modelId: 'fake-1', ...first });
    const healthy = createFakeVideoModel({
      modelId: 'fake-2',
      statusScript: () => completedWithFiles(gateway!.storageDir, { video: 'out.mp4' }),
    });
    gateway = await createTestGateway(kind, [failing, healthy], {
      routes: { hero: { targets: [{ model: 'fake/fake-1' }, { model: 'fake/fake-2' }] } },
      ...options,
    });
    await writeFile(join(gateway.storageDir, 'out.mp4'), Buffer.from('mp4'));
    return { gateway, failing, healthy };
  }

  it('moves a video whose first target is down to the next, as a second attempt', async () => {
    const { gateway, healthy } = await open({ startScript: down });
    const created = await gateway.postVideo({ prompt: 'a fox', model: 'hero' });
    expect(created.status).toBe(200);
    const { id } = (await created.json()) as { id: string };
    await gateway.drain(gateway.newWorker(), 20);
    const video = await readVideo(gateway, id);
    expect(video).toMatchObject({ status: 'completed', model: 'hero', provider: 'fake' });
    expect(video.attempts).toEqual([
      {
        model: 'fake/fake-1',
        provider: 'fake',
        status: 'failed',
        error: { code: 'provider_unavailable', message: 'fake: HTTP 503: upstream down' },
        cost_usd: '0.000000',
      },
      {
        model: 'fake/fake-2',
        provider: 'fake',
        status: 'completed',
        error: null,
        cost_usd: '0.400000',
      },
    ]);
    expect(video.cost).toEqual({
      estimate_usd: '0.400000',
      actual_usd: '0.400000',
      basis: 'list_price',
    });
    expect(video.warnings).toContainEqual(
      expect.objectContaining({ type: 'route', target: 'fake/fake-1' }),
    );
    expect(healthy.startCalls).toHaveLength(1);
    expect(await ledger(gateway)).toEqual([
      { attempt: 1, kind: 'reserve', amount: 400_000 },
      { attempt: 1, kind: 'settle', amount: 0 },
      { attempt: 2, kind: 'reserve', amount: 400_000 },
      { attempt: 2, kind: 'settle', amount: 400_000 },
    ]);
  });

  it('never falls back on a content refusal unless the route lists it', async () => {
    const refused: VideoStatusResult = {
      status: 'failed',
      error: { code: 'content_policy_violation', message: 'refused', retryable: false },
    };
    const { gateway, healthy } = await open({ statusScript: () => refused });
    const { id } = (await (await gateway.postVideo({ prompt: 'x', model: 'hero' })).json()) as {
      id: string;
    };
    await gateway.drain(gateway.newWorker(), 20);
    const video = await readVideo(gateway, id);
    expect(video.status).toBe('failed');
    expect(video.error.code).toBe('content_policy_violation');
    expect(video.attempts).toHaveLength(1);
    expect(healthy.startCalls).toHaveLength(0);
  });

  it('follows fallbackOn exactly when the route sets it', async () => {
    const { gateway, healthy } = await open(
      { startScript: down },
      {
        routes: {
          hero: {
            targets: [{ model: 'fake/fake-1' }, { model: 'fake/fake-2' }],
            fallbackOn: ['upstream_timeout'],
          },
        },
      },
    );
    const { id } = (await (await gateway.postVideo({ prompt: 'x', model: 'hero' })).json()) as {
      id: string;
    };
    await gateway.drain(gateway.newWorker(), 20);
    expect((await readVideo(gateway, id)).error.code).toBe('provider_unavailable');
    expect(healthy.startCalls).toHaveLength(0);
  });

  it('fails the video with budget_exceeded when the next attempt would overspend', async () => {
    const brokenRender: VideoStatusResult = {
      status: 'failed',
      error: { code: 'render_failed', message: 'engine crashed', retryable: false },
    };
    const { gateway, healthy } = await open({ statusScript: () => brokenRender });
    await setBudget(gateway.test.database, {
      id: 'budget_total',
      projectId: gateway.projectId,
      apiKeyId: null,
      period: 'total',
      limitMicroUsd: 500_000,
    });
    const { id } = (await (await gateway.postVideo({ prompt: 'x', model: 'hero' })).json()) as {
      id: string;
    };
    await gateway.drain(gateway.newWorker(), 20);
    const video = await readVideo(gateway, id);
    expect(video.status).toBe('failed');
    expect(video.error.code).toBe('budget_exceeded');
    expect(video.error.message).toContain('attempt 2 on fake/fake-2 was not started');
    expect(healthy.startCalls).toHaveLength(0);
    // The failed render's billing is unknown for this provider: its estimate stays at risk.
    expect(await ledger(gateway)).toEqual([
      { attempt: 1, kind: 'reserve', amount: 400_000 },
      { attempt: 1, kind: 'at_risk', amount: 400_000 },
    ]);
  });

  it('keeps the model and its parameters of each target on the video as it moves', async () => {
    const { gateway, failing, healthy } = await open({ startScript: down });
    const { id } = (await (
      await gateway.postVideo({ prompt: 'x', model: 'hero', provider_options: { fake: { a: 1 } } })
    ).json()) as { id: string };
    await gateway.drain(gateway.newWorker(), 20);
    expect(failing.startCalls[0]?.providerOptions).toEqual({ a: 1 });
    expect(healthy.startCalls[0]?.providerOptions).toEqual({ a: 1 });
    expect(healthy.startCalls[0]?.idempotencyKey).not.toBe(failing.startCalls[0]?.idempotencyKey);
    const { rows } = await gateway.test.database.query<{ type: string }>(
      `select type from video_events where video_id = $1 order by id`,
      [id],
    );
    expect(rows.map((row) => row.type)).toContain('fallback');
  });
});
