import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { completedWithFiles, createFakeVideoModel } from '../test-support/fake-video-model.js';
import { scoreResultFixture } from '../test-support/score-result-fixture.js';
import { testDatabaseKinds } from '../test-support/test-databases.js';
import { createTestGateway, type TestGateway } from '../test-support/test-gateway.js';
import type { WorkerTimers } from '../jobs/timers.js';

const frozenTimers: WorkerTimers = {
  setTimeout: () => null,
  clearTimeout: () => undefined,
  setInterval: () => null,
  clearInterval: () => undefined,
};

describe.each(testDatabaseKinds())('POST /v1/videos/{id}/scores on %s', (kind) => {
  let gateway: TestGateway;
  afterEach(async () => gateway.dispose());

  async function open(scoring: boolean) {
    const model = createFakeVideoModel({
      statusScript: () => completedWithFiles(gateway.storageDir, { video: 'out.mp4' }),
    });
    gateway = await createTestGateway(kind, [model], { scoring });
    await writeFile(join(gateway.storageDir, 'out.mp4'), Buffer.from('mp4'));
  }

  async function createVideo(): Promise<string> {
    const response = await gateway.postVideo({ prompt: 'a fox' });
    return ((await response.json()) as { id: string }).id;
  }

  const post = (id: string) =>
    gateway.app.request(`/v1/videos/${id}/scores`, gateway.authorized({ method: 'POST' }));

  async function scoreRow(id: string) {
    const result = await gateway.test.database.query<{ status: string; attempts: number }>(
      'select status, attempts from video_scores where video_id = $1',
      [id],
    );
    return result.rows[0] ?? null;
  }

  it('queues a failed score again, and leaves a completed one alone', async () => {
    await open(true);
    const id = await createVideo();
    expect((await post(id)).status).toBe(400);
    await gateway.drain(gateway.newWorker());
    const failing = gateway.newScoreWorker({
      workerId: 's1',
      maxAttempts: 1,
      timers: frozenTimers,
      scoreFile: async () => {
        throw new Error('ffmpeg was missing');
      },
    });
    expect(await failing.runOnce()).toBe(1);
    expect(await scoreRow(id)).toEqual({ status: 'failed', attempts: 1 });

    const requeued = await post(id);
    expect(requeued.status).toBe(202);
    expect(await requeued.json()).toMatchObject({ status: 'pending', error: null, result: null });
    expect(await scoreRow(id)).toEqual({ status: 'queued', attempts: 0 });

    const working = gateway.newScoreWorker({
      workerId: 's2',
      timers: frozenTimers,
      scoreFile: async () => scoreResultFixture(70),
    });
    expect(await working.runOnce()).toBe(1);
    const again = await post(id);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ status: 'completed' });
    expect(await scoreRow(id)).toEqual({ status: 'completed', attempts: 1 });
  });

  it('answers 404 for another project’s video and 409 when scoring is off', async () => {
    await open(false);
    const id = await createVideo();
    await gateway.drain(gateway.newWorker());
    const off = await post(id);
    expect(off.status).toBe(409);
    expect(((await off.json()) as { error: { message: string } }).error.message).toContain(
      'scoring.enabled',
    );
    expect((await post('video_unknown')).status).toBe(404);
    expect(await scoreRow(id)).toBeNull();
  });
});
