import { InvalidRequestError } from '@vgw/spec';
import { afterEach, describe, expect, it } from 'vitest';
import { listBudgets, setBudget } from '../db/budgets-repository.js';
import { completedWithFiles, createFakeVideoModel } from '../test-support/fake-video-model.js';
import { testDatabaseKinds } from '../test-support/test-databases.js';
import { createTestGateway, type TestGateway } from '../test-support/test-gateway.js';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The fake model's list price: 0.10 USD/s, so a default 4 s video is estimated at 0.40 USD. */
const estimate = 400_000;

async function ledger(gateway: TestGateway) {
  const { rows } = await gateway.test.database.query<{
    kind: string;
    amount: string;
    rule: string | null;
  }>(`select kind, amount_micro_usd as amount, rule from ledger_entries order by id`);
  return rows.map((row) => ({ ...row, amount: Number(row.amount) }));
}

/** The reservation settled at 0 as never started, and its budget room usable again. */
async function expectReservationGivenBack(gateway: TestGateway) {
  expect((await ledger(gateway)).at(-1)).toEqual({
    kind: 'settle',
    amount: 0,
    rule: 'not_billed:start_rejected',
  });
  expect((await gateway.postVideo({ prompt: 'fits again' })).status).toBe(200);
}

describe.each(testDatabaseKinds())('budgets and the ledger on %s', (kind) => {
  let gateway: TestGateway | null = null;
  afterEach(async () => {
    await gateway?.dispose();
    gateway = null;
  });

  async function open(statusScript = createFakeVideoModel().statusScript) {
    const model = createFakeVideoModel({ statusScript });
    gateway = await createTestGateway(kind, [model]);
    return gateway;
  }

  async function budget(open: TestGateway, usd: number, period: 'day' | 'month' | 'total' = 'day') {
    return setBudget(open.test.database, {
      id: `budget_${period}`,
      projectId: open.projectId,
      apiKeyId: null,
      period,
      limitMicroUsd: Math.round(usd * 1_000_000),
    });
  }

  it('reserves the estimate with the video and shows it as the cost', async () => {
    const gateway = await open();
    const response = await gateway.postVideo({ prompt: 'a fox' });
    expect(response.status).toBe(200);
    const video = (await response.json()) as Record<string, any>;
    expect(video.cost).toEqual({ estimate_usd: '0.400000', actual_usd: null, basis: 'list_price' });
    expect(await ledger(gateway)).toEqual([{ kind: 'reserve', amount: estimate, rule: null }]);
  });

  it('refuses a create past the budget with 429 insufficient_quota, writing nothing', async () => {
    const gateway = await open();
    await budget(gateway, 0.5);
    expect((await gateway.postVideo({ prompt: 'first' })).status).toBe(200);
    const refused = await gateway.postVideo({ prompt: 'second' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('x-should-retry')).toBe('false');
    expect(refused.headers.get('retry-after')).toBeNull();
    const body = (await refused.json()) as { error: Record<string, unknown> };
    expect(body.error).toMatchObject({ type: 'insufficient_quota', code: 'budget_exceeded' });
    expect(body.error.message).toBe(
      'the daily budget of project "test-project" (0.500000 USD) has 0.100000 USD left; this video is estimated at 0.400000 USD',
    );
    const { rows } = await gateway.test.database.query('select id from videos');
    expect(rows).toHaveLength(1);
    expect(await ledger(gateway)).toHaveLength(1);
    const [listed] = await listBudgets(gateway.test.database);
    expect(listed).toMatchObject({ limitMicroUsd: 500_000, spentMicroUsd: estimate });
  });

  it('settles a completed render at its estimate, once, however often completion is retried', async () => {
    const gateway = await open(() => completedWithFiles(gateway!.storageDir, { video: 'out.mp4' }));
    await writeFile(join(gateway.storageDir, 'out.mp4'), Buffer.from('mp4'));
    const created = (await (await gateway.postVideo({ prompt: 'a fox' })).json()) as { id: string };
    await gateway.drain(gateway.newWorker());
    const read = await gateway.app.request(`/v1/videos/${created.id}`, gateway.authorized());
    const video = (await read.json()) as Record<string, any>;
    expect(video.status).toBe('completed');
    expect(video.cost).toEqual({
      estimate_usd: '0.400000',
      actual_usd: '0.400000',
      basis: 'list_price',
    });
    await gateway.test.database.query(
      `insert into ledger_entries (project_id, video_id, kind, amount_micro_usd, basis, rule)
       values ($1, $2, 'settle', 1, 'list_price', 'again') on conflict do nothing`,
      [gateway.projectId, created.id],
    );
    expect(await ledger(gateway)).toEqual([
      { kind: 'reserve', amount: estimate, rule: null },
      { kind: 'settle', amount: estimate, rule: 'completed' },
    ]);
  });

  it('settles a refused create at 0 and gives the budget back', async () => {
    const model = createFakeVideoModel({
      startScript: () => {
        throw new InvalidRequestError('the provider refused this prompt', 'prompt');
      },
    });
    gateway = await createTestGateway(kind, [model]);
    await budget(gateway, 0.4);
    const created = (await (await gateway.postVideo({ prompt: 'refused' })).json()) as {
      id: string;
    };
    expect((await gateway.postVideo({ prompt: 'over' })).status).toBe(429);
    await gateway.drain(gateway.newWorker(), 20);
    const read = await gateway.app.request(`/v1/videos/${created.id}`, gateway.authorized());
    const video = (await read.json()) as Record<string, any>;
    expect(video.status).toBe('failed');
    expect(video.cost.actual_usd).toBe('0.000000');
    await expectReservationGivenBack(gateway);
  });

  it('gives back the reservation of a video deleted before it started', async () => {
    const gateway = await open();
    await budget(gateway, 0.4);
    const created = (await (await gateway.postVideo({ prompt: 'never mind' })).json()) as {
      id: string;
    };
    expect((await gateway.postVideo({ prompt: 'over' })).status).toBe(429);
    const deleted = await gateway.app.request(
      `/v1/videos/${created.id}`,
      gateway.authorized({ method: 'DELETE' }),
    );
    expect(deleted.status).toBe(200);
    await expectReservationGivenBack(gateway);
  });

  it('starts exactly as many of 100 concurrent creates as the budget fits', async () => {
    const gateway = await open();
    await budget(gateway, 4, 'total');
    // Several rounds: an unlocked check overspends only when creates happen to interleave.
    for (let round = 0; round < 5; round += 1) {
      await gateway.test.database.query('delete from ledger_entries');
      await gateway.test.database.query('delete from video_events');
      await gateway.test.database.query('delete from videos');
      const statuses = await Promise.all(
        Array.from({ length: 100 }, (_, index) =>
          gateway
            .postVideo({ prompt: `race ${round} ${index}` })
            .then((response) => response.status),
        ),
      );
      expect(statuses.filter((status) => status === 200)).toHaveLength(10);
      expect(statuses.filter((status) => status === 429)).toHaveLength(90);
      const [listed] = await listBudgets(gateway.test.database);
      expect(listed?.spentMicroUsd).toBe(4_000_000);
    }
  });
});
