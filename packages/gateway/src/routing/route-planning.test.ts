import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ProviderApiError } from '@vgw/spec';
import { afterEach, describe, expect, it } from 'vitest';
import {
  completedWithFiles,
  createFakeVideoModel,
  fakeCapabilities,
  type FakeVideoModel,
} from '../test-support/fake-video-model.js';
import { testDatabaseKinds } from '../test-support/test-databases.js';
import {
  createTestGateway,
  type TestGateway,
  type TestGatewayOptions,
} from '../test-support/test-gateway.js';

function portraitOnly(): FakeVideoModel {
  return {
    ...createFakeVideoModel({ modelId: 'portrait' }),
    capabilities: { ...fakeCapabilities, sizes: { kind: 'set', values: ['720x1280'] } },
  };
}

async function body(response: Response): Promise<Record<string, any>> {
  return (await response.json()) as Record<string, any>;
}

describe.each(testDatabaseKinds())('route planning on %s', (kind) => {
  let gateway: TestGateway | null = null;
  afterEach(async () => {
    await gateway?.dispose();
    gateway = null;
  });

  async function open(models: FakeVideoModel[], options: TestGatewayOptions) {
    gateway = await createTestGateway(kind, models, options);
    return gateway;
  }

  const estimate = (open: TestGateway, request: Record<string, unknown>) =>
    open.postJson('/v1/videos/estimate', request);

  it('skips a target that cannot serve the request, with a route warning naming it', async () => {
    const gateway = await open([portraitOnly(), createFakeVideoModel({ modelId: 'fake-2' })], {
      routes: { hero: { targets: [{ model: 'fake/portrait' }, { model: 'fake/fake-2' }] } },
    });
    const video = await body(
      await gateway.postVideo({ prompt: 'x', model: 'hero', size: '1280x720' }),
    );
    expect(video).toMatchObject({ model: 'hero', status: 'queued' });
    expect(video.attempts).toEqual([
      {
        model: 'fake/fake-2',
        provider: 'fake',
        status: 'in_progress',
        error: null,
        cost_usd: null,
      },
    ]);
    expect(video.warnings).toEqual([
      {
        type: 'route',
        target: 'fake/portrait',
        message: expect.stringMatching(/route "hero" skipped fake\/portrait: .*size/),
      },
    ]);
  });

  it('refuses with a 400 naming model and every reason when no target can serve it', async () => {
    const gateway = await open([portraitOnly(), createFakeVideoModel({ modelId: 'fake-2' })], {
      prices: { 'fake/fake-2': { usdPerSecond: 0.8 } },
      routes: {
        hero: {
          targets: [{ model: 'fake/portrait' }, { model: 'fake/fake-2' }],
          maxUsdPerSecond: 0.5,
        },
      },
    });
    const refused = await gateway.postVideo({ prompt: 'x', model: 'hero', size: '1280x720' });
    expect(refused.status).toBe(400);
    const { error } = await body(refused);
    expect(error).toMatchObject({ param: 'model', code: 'no_eligible_target' });
    expect(error.message).toMatch(/^route "hero" has no target that can serve this request: /);
    expect(error.message).toMatch(/fake\/portrait: .*size/);
    expect(error.message).toContain(
      "fake/fake-2: it costs 0.800000 USD/s, over the route's maxUsdPerSecond of 0.500000",
    );
    const { rows } = await gateway.test.database.query('select id from videos');
    expect(rows).toHaveLength(0);
  });

  it('skips targets lacking what the route requires', async () => {
    const gateway = await open([createFakeVideoModel()], {
      routes: { seeded: { targets: [{ model: 'fake/fake-1' }], requires: ['seed'] } },
    });
    const { error } = await body(await gateway.postVideo({ prompt: 'x', model: 'seeded' }));
    expect(error.message).toBe(
      'route "seeded" has no target that can serve this request: fake/fake-1: it lacks seed, which the route requires',
    );
  });

  it('estimates a cheapest route at its cheapest target and lists the fallbacks, writing nothing', async () => {
    const gateway = await open(
      [createFakeVideoModel(), createFakeVideoModel({ modelId: 'fake-2' })],
      {
        prices: { 'fake/fake-1': { usdPerSecond: 0.3 }, 'fake/fake-2': { usdPerSecond: 0.05 } },
        routes: {
          draft: { strategy: 'cheapest', targets: [{ model: 'fake-1' }, { model: 'fake-2' }] },
        },
      },
    );
    const answer = await body(
      await estimate(gateway, { prompt: 'x', model: 'draft', seconds: '8' }),
    );
    expect(answer).toMatchObject({
      model: 'fake/fake-2',
      route: 'draft',
      fallbacks: [{ model: 'fake/fake-1', provider: 'fake', estimate_usd: '2.400000' }],
      cost: { estimate_usd: '0.400000', usd_per_second: '0.050000', basis: 'configured' },
    });
    const { rows } = await gateway.test.database.query('select id from ledger_entries');
    expect(rows).toHaveLength(0);
  });

  it('renders a weighted route where the same video id always lands', async () => {
    const gateway = await open(
      [createFakeVideoModel(), createFakeVideoModel({ modelId: 'fake-2' })],
      {
        routes: {
          ab: {
            strategy: 'weighted',
            targets: [
              { model: 'fake-1', weight: 1 },
              { model: 'fake-2', weight: 1 },
            ],
          },
        },
      },
    );
    const chosen = new Set<string>();
    for (let index = 0; index < 12; index += 1) {
      const video = await body(await gateway.postVideo({ prompt: `v${index}`, model: 'ab' }));
      chosen.add(video.attempts[0].model);
      const stored = await gateway.test.database.query<{ model: string }>(
        'select model from videos where id = $1',
        [video.id],
      );
      expect(stored.rows[0]?.model).toBe(video.attempts[0].model);
    }
    expect([...chosen].sort()).toEqual(['fake/fake-1', 'fake/fake-2']);
  });
});

describe.each(testDatabaseKinds())('circuit breakers on %s', (kind) => {
  let gateway: TestGateway | null = null;
  afterEach(async () => {
    await gateway?.dispose();
    gateway = null;
  });

  async function openWithBrokenFirst() {
    const broken = createFakeVideoModel({
      startScript: () => {
        throw new ProviderApiError('fake', 'HTTP 503: down', {
          status: 503,
          code: 'provider_unavailable',
          retryable: false,
        });
      },
    });
    const healthy = createFakeVideoModel({
      modelId: 'fake-2',
      statusScript: () => completedWithFiles(gateway!.storageDir, { video: 'out.mp4' }),
    });
    gateway = await createTestGateway(kind, [broken, healthy], {
      breakers: { failureThreshold: 2, coolDownSeconds: 60 },
      routes: { hero: { targets: [{ model: 'fake-1' }, { model: 'fake-2' }] } },
    });
    await writeFile(join(gateway.storageDir, 'out.mp4'), Buffer.from('mp4'));
    return { gateway, broken, healthy };
  }

  async function health(open: TestGateway, model: string) {
    const engines = await body(await open.app.request('/v1/engines', open.authorized()));
    return engines.data.find((engine: { id: string }) => engine.id === model).health;
  }

  it('opens after consecutive failures, and routes skip the model while it is open', async () => {
    const { gateway, broken } = await openWithBrokenFirst();
    expect(await health(gateway, 'fake/fake-1')).toEqual({
      state: 'closed',
      consecutive_failures: 0,
      open_until: null,
    });
    for (const prompt of ['a', 'b']) await gateway.postVideo({ prompt, model: 'hero' });
    await gateway.drain(gateway.newWorker(), 20);
    expect(broken.startCalls).toHaveLength(2);
    const opened = await health(gateway, 'fake/fake-1');
    expect(opened).toMatchObject({ state: 'open', consecutive_failures: 2 });
    expect(opened.open_until).toBeGreaterThan(Date.now() / 1000 + 50);
    const video = await body(await gateway.postVideo({ prompt: 'c', model: 'hero' }));
    expect(video.attempts[0].model).toBe('fake/fake-2');
    expect(video.warnings[0].message).toMatch(
      /skipped fake\/fake-1: its circuit breaker is open until/,
    );
    await gateway.drain(gateway.newWorker(), 20);
    expect(broken.startCalls).toHaveLength(2);
    // A model's own name is not a route: it still reaches the model, open breaker or not.
    expect((await gateway.postVideo({ prompt: 'd', model: 'fake-1' })).status).toBe(200);
  });

  it('lets one probe through when half-open, and closes on its success', async () => {
    const { gateway, broken } = await openWithBrokenFirst();
    for (const prompt of ['a', 'b']) await gateway.postVideo({ prompt, model: 'hero' });
    await gateway.drain(gateway.newWorker(), 20);
    await gateway.test.database.query(
      `update engine_breakers set open_until = now() - interval '1 second'`,
    );
    expect((await health(gateway, 'fake/fake-1')).state).toBe('half_open');
    const probe = await body(await gateway.postVideo({ prompt: 'probe', model: 'hero' }));
    const second = await body(await gateway.postVideo({ prompt: 'second', model: 'hero' }));
    expect(probe.attempts[0].model).toBe('fake/fake-1');
    expect(second.attempts[0].model).toBe('fake/fake-2');
    expect(second.warnings[0].message).toMatch(/half-open and a probe is already testing it/);
    broken.startScript = (options) => ({
      operation: { job: options.idempotencyKey },
      warnings: [],
    });
    broken.statusScript = () => completedWithFiles(gateway.storageDir, { video: 'out.mp4' });
    await gateway.drain(gateway.newWorker(), 20);
    expect(await health(gateway, 'fake/fake-1')).toEqual({
      state: 'closed',
      consecutive_failures: 0,
      open_until: null,
    });
  });

  it('answers 503 route_unavailable with retry-after when every target is open', async () => {
    const { gateway } = await openWithBrokenFirst();
    await gateway.test.database.query(
      `insert into engine_breakers (model, consecutive_failures, open_until)
       values ('fake/fake-1', 5, now() + interval '30 seconds'),
              ('fake/fake-2', 5, now() + interval '90 seconds')`,
    );
    const refused = await gateway.postVideo({ prompt: 'x', model: 'hero' });
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(25);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(31);
    expect((await body(refused)).error).toMatchObject({
      code: 'route_unavailable',
      param: 'model',
    });
  });
});
