import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { claimDueScores, reapExpiredScoreLeases } from '../db/score-lease-repository.js';
import type { ScoreResult } from '../quality/score-result.js';
import { completedWithFiles, createFakeVideoModel } from '../test-support/fake-video-model.js';
import { scoreResultFixture } from '../test-support/score-result-fixture.js';
import { testDatabaseKinds } from '../test-support/test-databases.js';
import { createTestGateway, type TestGateway } from '../test-support/test-gateway.js';
import { Heartbeat, LeaseLostError } from '../jobs/heartbeat.js';
import type { Worker } from '../jobs/job-worker.js';
import { deferred, recordingLogger } from '../test-support/recording-logger.js';
import type { WorkerTimers } from '../jobs/timers.js';
import { scoreQueue } from './score-queue.js';

/** Timers that never fire: no heartbeat, reap or scoring timeout happens unless a test says so. */
const frozenTimers: WorkerTimers = {
  setTimeout: () => null,
  clearTimeout: () => undefined,
  setInterval: () => null,
  clearInterval: () => undefined,
};

/** A scorer that reports when it is called and returns only when the test lets it. */
function blockedScorer() {
  const started = deferred();
  const stuck = deferred<ScoreResult>();
  const scoreFile = () => {
    started.resolve();
    return stuck.promise;
  };
  return { started, stuck, scoreFile };
}

async function json(response: Response) {
  return (await response.json()) as Record<string, any>;
}

describe.each(testDatabaseKinds())('score worker on %s', (kind) => {
  let gateway: TestGateway;
  const workers: Worker[] = [];
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.stop({ graceMs: 0 })));
    await gateway.dispose();
  });

  /** A gateway whose fake engine completes each video on its first status check. */
  async function open(options: { scoring: boolean; output?: Buffer }) {
    const model = createFakeVideoModel({
      statusScript: () => completedWithFiles(gateway.storageDir, { video: 'out.mp4' }),
    });
    gateway = await createTestGateway(kind, [model], { scoring: options.scoring });
    await writeFile(join(gateway.storageDir, 'out.mp4'), options.output ?? Buffer.from('mp4'));
  }

  async function createVideo() {
    const response = await gateway.postVideo({ prompt: 'a fox' });
    return json(response);
  }

  async function completedVideo(): Promise<string> {
    const id = (await createVideo()).id as string;
    await gateway.drain(gateway.newWorker());
    return id;
  }

  const get = async (path: string) => json(await gateway.app.request(path, gateway.authorized()));

  function scoreWorker(
    workerId: string,
    scoreFile: (file: string) => Promise<ScoreResult>,
    maxAttempts = 3,
  ) {
    const worker = gateway.newScoreWorker({
      workerId,
      scoreFile,
      maxAttempts,
      timers: frozenTimers,
    });
    workers.push(worker);
    return worker;
  }

  async function scoreRow(id: string) {
    const result = await gateway.test.database.query<{
      status: string;
      attempts: number;
      error_code: string | null;
    }>('select status, attempts, error_code from video_scores where video_id = $1', [id]);
    return result.rows[0] ?? null;
  }

  it('answers pending before completion, then the stored summary and full result', async () => {
    await open({ scoring: true });
    const created = await createVideo();
    expect(created.scores).toBeNull();
    expect(await get(`/v1/videos/${created.id}/scores`)).toEqual({
      object: 'video.scores',
      video_id: created.id,
      status: 'pending',
      result: null,
      error: null,
    });
    await gateway.drain(gateway.newWorker());
    expect((await get(`/v1/videos/${created.id}`)).scores).toBeNull();
    expect(await scoreWorker('s1', async () => scoreResultFixture(71.5)).runOnce()).toBe(1);
    const video = await get(`/v1/videos/${created.id}`);
    expect(video.scores).toMatchObject({
      index: 71.5,
      dynamic_degree: { dynamic: true, moving_pair_fraction: 0.75, mean_top_motion: 3.5 },
      metrics: { vbench_flicker: 0.97, warping_error: 12.5, scene_cuts: 1, frozen_fraction: 0.05 },
    });
    expect(video.scores.scored_at).toBeGreaterThanOrEqual(video.completed_at);
    const listed = await get('/v1/videos');
    expect(listed.data[0].scores.index).toBe(71.5);
    const scores = await get(`/v1/videos/${created.id}/scores`);
    expect(scores.status).toBe('completed');
    expect(scores.result).toEqual(scoreResultFixture(71.5));
  });

  it('with scoring disabled queues nothing and says "disabled"', async () => {
    await open({ scoring: false });
    const id = await completedVideo();
    expect(await scoreRow(id)).toBeNull();
    expect(await scoreWorker('s1', async () => scoreResultFixture(1)).runOnce()).toBe(0);
    const scores = await get(`/v1/videos/${id}/scores`);
    expect(scores).toMatchObject({ status: 'disabled', result: null, error: null });
    expect((await get(`/v1/videos/${id}`)).scores).toBeNull();
  });

  it('answers 404 for an unknown video and for another project', async () => {
    await open({ scoring: true });
    const id = await completedVideo();
    const unknown = await gateway.app.request('/v1/videos/video_nope/scores', gateway.authorized());
    expect(unknown.status).toBe(404);
    await gateway.test.database.query(
      `insert into projects (id, name) values ('proj_other', 'other')`,
    );
    await gateway.test.database.query(`update videos set project_id = 'proj_other'`);
    const foreign = await gateway.app.request(`/v1/videos/${id}/scores`, gateway.authorized());
    expect(foreign.status).toBe(404);
  });

  it('fails a corrupt stored file at once with the quality error code, never retried', async () => {
    await open({ scoring: true, output: Buffer.from('this is not an mp4 at all') });
    const id = await completedVideo();
    const worker = gateway.newScoreWorker({ workerId: 's1', timers: frozenTimers });
    workers.push(worker);
    expect(await worker.runOnce()).toBe(1);
    const scores = await get(`/v1/videos/${id}/scores`);
    expect(scores.status).toBe('failed');
    expect(['unreadable', 'decode_failed', 'no_video_stream']).toContain(scores.error.code);
    expect(scores.error.message.length).toBeGreaterThan(0);
    await gateway.test.database.query(`update video_scores set next_attempt_at = now()`);
    expect(await worker.runOnce()).toBe(0);
    expect(await scoreRow(id)).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('retries other errors with backoff, then fails after maxAttempts', async () => {
    await open({ scoring: true });
    const id = await completedVideo();
    let calls = 0;
    const worker = scoreWorker(
      's1',
      async () => {
        calls += 1;
        throw new Error(`opencv ran out of memory (${calls})`);
      },
      2,
    );
    expect(await worker.runOnce()).toBe(1);
    expect(await scoreRow(id)).toEqual({
      status: 'queued',
      attempts: 1,
      error_code: 'scoring_failed',
    });
    expect(await worker.runOnce()).toBe(0);
    const pending = await get(`/v1/videos/${id}/scores`);
    expect(pending).toMatchObject({ status: 'pending', error: { code: 'scoring_failed' } });
    await gateway.test.database.query(`update video_scores set next_attempt_at = now()`);
    expect(await worker.runOnce()).toBe(1);
    expect(await scoreRow(id)).toEqual({
      status: 'failed',
      attempts: 2,
      error_code: 'scoring_failed',
    });
    expect((await get(`/v1/videos/${id}/scores`)).error.message).toBe(
      'opencv ran out of memory (2)',
    );
    expect(calls).toBe(2);
  });

  it('a score past timeoutSeconds is stopped and retried as scoring_timeout', async () => {
    await open({ scoring: true });
    const id = await completedVideo();
    const timeouts: (() => void)[] = [];
    const timers: WorkerTimers = { ...frozenTimers, setTimeout: (fire) => timeouts.push(fire) };
    const started = deferred<AbortSignal>();
    const scoreFile = (_file: string, signal: AbortSignal) => {
      started.resolve(signal);
      return new Promise<never>(() => undefined);
    };
    const worker = gateway.newScoreWorker({ workerId: 's1', scoreFile, timers });
    workers.push(worker);
    const running = worker.runOnce();
    const signal = await started.promise;
    expect(timeouts).toHaveLength(1);
    timeouts[0]?.();
    await running;
    expect(signal.aborted).toBe(true);
    expect(await scoreRow(id)).toEqual({
      status: 'queued',
      attempts: 1,
      error_code: 'scoring_timeout',
    });
  });

  it('reaps a worker that died mid-score; another finishes it and one result is stored', async () => {
    await open({ scoring: true });
    const id = await completedVideo();
    const { started, stuck, scoreFile } = blockedScorer();
    const dyingRun = scoreWorker('dying', scoreFile).runOnce();
    await started.promise;
    expect(await scoreRow(id)).toMatchObject({ status: 'running', attempts: 1 });
    await gateway.test.database.query(
      `update video_scores set locked_until = now() - interval '1 second'`,
    );
    expect(await reapExpiredScoreLeases(gateway.test.database)).toBe(1);
    const rescuer = scoreWorker('rescuer', async () => scoreResultFixture(42));
    expect(await rescuer.runOnce()).toBe(1);
    // The dead worker's late result is fenced out.
    stuck.resolve(scoreResultFixture(99));
    await dyingRun;
    expect(await scoreRow(id)).toMatchObject({ status: 'completed', attempts: 2 });
    expect((await get(`/v1/videos/${id}/scores`)).result.index.value).toBe(42);
    const rows = await gateway.test.database.query('select 1 from video_scores');
    expect(rows.rowCount).toBe(1);
  });

  it('keeps claiming and completing videos while a score runs in its own loop', async () => {
    await open({ scoring: true });
    const first = await completedVideo();
    const { started, stuck, scoreFile } = blockedScorer();
    const scorer = scoreWorker('scorer', scoreFile);
    const scoring = scorer.runOnce();
    await started.promise;
    expect(await scoreRow(first)).toMatchObject({ status: 'running' });
    const second = await completedVideo();
    expect((await get(`/v1/videos/${second}`)).status).toBe('completed');
    expect(scorer.inFlight).toBe(1);
    expect(await scoreRow(second)).toMatchObject({ status: 'queued' });
    stuck.resolve(scoreResultFixture(50));
    await scoring;
    expect(await scoreRow(first)).toMatchObject({ status: 'completed' });
  });

  it('the heartbeat extends a score lease, and aborts the handler once the lease is stolen', async () => {
    await open({ scoring: true });
    const id = await completedVideo();
    const { database } = gateway.test;
    await claimDueScores(database, { workerId: 'slow', leaseSeconds: 1, limit: 1 });
    const controller = new AbortController();
    const heartbeat = new Heartbeat({
      database,
      extend: scoreQueue.extend,
      workerId: 'slow',
      leaseSeconds: 30,
      timers: frozenTimers,
      logger: recordingLogger(),
      held: new Map([[id, controller]]),
    });
    const secondsLeft = async () => {
      const result = await database.query<{ left: number }>(
        `select extract(epoch from locked_until - now())::float as left from video_scores`,
      );
      return result.rows[0]?.left ?? -1;
    };
    expect(await secondsLeft()).toBeLessThanOrEqual(1);
    await heartbeat.beat();
    expect(await secondsLeft()).toBeGreaterThan(20);
    expect(controller.signal.aborted).toBe(false);
    await database.query(`update video_scores set locked_by = 'thief'`);
    await heartbeat.beat();
    expect(controller.signal.reason).toBeInstanceOf(LeaseLostError);
  });

  it('deleting the video removes its score row', async () => {
    await open({ scoring: true });
    const id = await completedVideo();
    await scoreWorker('s1', async () => scoreResultFixture(60)).runOnce();
    const deleted = await gateway.app.request(
      `/v1/videos/${id}`,
      gateway.authorized({ method: 'DELETE' }),
    );
    expect(deleted.status).toBe(200);
    expect(await scoreRow(id)).toBeNull();
    const scores = await gateway.app.request(`/v1/videos/${id}/scores`, gateway.authorized());
    expect(scores.status).toBe(404);
  });
});
