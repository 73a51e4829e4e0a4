import { afterEach, describe, expect, it } from 'vitest';
import { videoEstimateSchema } from './openai/video-estimate.js';
import { createFakeVideoModel } from '../test-support/fake-video-model.js';
import { testDatabaseKinds } from '../test-support/test-databases.js';
import { createTestGateway, type TestGateway } from '../test-support/test-gateway.js';

describe.each(testDatabaseKinds())('POST /v1/videos/estimate on %s', (kind) => {
  let gateway: TestGateway | null = null;
  afterEach(async () => {
    await gateway?.dispose();
    gateway = null;
  });

  const estimate = (open: TestGateway, body: Record<string, unknown>) =>
    open.postJson('/v1/videos/estimate', body);

  it('prices the render a create would make, with its warnings, and writes nothing', async () => {
    gateway = await createTestGateway(kind, [createFakeVideoModel()]);
    const response = await estimate(gateway, { prompt: 'a fox', seconds: '6', size: '720x1280' });
    expect(response.status).toBe(200);
    const body = videoEstimateSchema.parse(await response.json());
    expect(body).toMatchObject({
      model: 'fake/fake-1',
      provider: 'fake',
      size: '720x1280',
      cost: { basis: 'list_price', usd_per_second: '0.100000' },
    });
    // 6 s is not offered: it is coerced, and the estimate is for what would render.
    expect(body.warnings.map((warning) => warning.param)).toContain('seconds');
    expect(body.cost.estimate_usd).toBe(`${(Number(body.seconds) * 0.1).toFixed(6)}`);
    for (const table of ['videos', 'ledger_entries', 'video_events']) {
      const { rows } = await gateway.test.database.query(`select 1 from ${table}`);
      expect(rows, table).toHaveLength(0);
    }
  });

  it('uses the configured price', async () => {
    gateway = await createTestGateway(kind, [createFakeVideoModel()], {
      prices: { 'fake/fake-1': { usdPerSecond: 0.025 } },
    });
    const body = (await (await estimate(gateway, { prompt: 'a fox' })).json()) as Record<
      string,
      any
    >;
    expect(body.cost).toEqual({
      estimate_usd: '0.100000',
      usd_per_second: '0.025000',
      basis: 'configured',
    });
  });

  it('refuses what a create would refuse, naming the parameter', async () => {
    gateway = await createTestGateway(kind, [createFakeVideoModel()]);
    const response = await estimate(gateway, { prompt: 'a fox', size: '99x99' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { param: string } }).error.param).toBe('size');
    const unknown = await estimate(gateway, { prompt: 'a fox', model: 'nope/none' });
    expect(((await unknown.json()) as { error: { param: string } }).error.param).toBe('model');
  });
});
