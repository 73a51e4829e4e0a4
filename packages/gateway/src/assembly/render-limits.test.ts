import { afterEach, describe, expect, it } from 'vitest';
import { createApiKey } from '../auth/api-keys.js';
import { createFakeVideoModel } from '../test-support/fake-video-model.js';
import { testDatabaseKinds } from '../test-support/test-databases.js';
import { createTestGateway, type TestGateway } from '../test-support/test-gateway.js';

describe.each(testDatabaseKinds())('concurrent renders per project on %s', (kind) => {
  let gateway: TestGateway | null = null;
  afterEach(async () => {
    await gateway?.dispose();
    gateway = null;
  });

  /** Unfinished videos with a saved operation (rendering at the provider), by project name. */
  async function rendering(open: TestGateway): Promise<Record<string, number>> {
    const { rows } = await open.test.database.query<{ name: string; count: number }>(
      `select p.name, count(*)::int as count from videos v join projects p on p.id = v.project_id
       where v.operation is not null and v.status in ('queued', 'in_progress')
       group by p.name order by p.name`,
    );
    return Object.fromEntries(rows.map((row) => [row.name, row.count]));
  }

  async function runRound(open: TestGateway, worker: ReturnType<TestGateway['newWorker']>) {
    await open.test.database.query(
      `update videos set next_check_at = now() where status in ('queued', 'in_progress')`,
    );
    return worker.runOnce();
  }

  it("starts at most each project's limit from config, checks the rest, and starts more as renders end", async () => {
    const model = createFakeVideoModel();
    gateway = await createTestGateway(kind, [model], {
      limits: { concurrentRenders: 2, projects: { 'bulk-project': { concurrentRenders: 3 } } },
    });
    const bulk = await createApiKey(gateway.test.database, 'bulk-project');
    for (let index = 0; index < 8; index += 1) {
      const response = await gateway.app.request('/v1/videos', {
        method: 'POST',
        headers: { authorization: `Bearer ${bulk.key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ prompt: `bulk ${index}` }),
      });
      expect(response.status).toBe(200);
      // Overriding only the render limit sets no rate limit for the project.
      expect(response.headers.get('x-ratelimit-limit-requests')).toBeNull();
    }
    for (let index = 0; index < 3; index += 1) {
      expect((await gateway.postVideo({ prompt: `mine ${index}` })).status).toBe(200);
    }
    const worker = gateway.newWorker('w_fair', 16);

    expect(await runRound(gateway, worker)).toBe(5);
    expect(model.startCalls).toHaveLength(5);
    expect(await rendering(gateway)).toEqual({ 'bulk-project': 3, 'test-project': 2 });

    // At the limit the running renders are still checked; nothing new starts.
    expect(await runRound(gateway, worker)).toBe(5);
    expect(model.startCalls).toHaveLength(5);
    expect(model.statusCalls).toBe(5);

    model.statusScript = () => ({
      status: 'failed',
      error: { code: 'render_failed', message: 'boom', retryable: false },
    });
    expect(await runRound(gateway, worker)).toBe(5);
    expect(await rendering(gateway)).toEqual({});

    expect(await runRound(gateway, worker)).toBe(4);
    expect(model.startCalls).toHaveLength(9);
    expect(await rendering(gateway)).toEqual({ 'bulk-project': 3, 'test-project': 1 });
  });
});
