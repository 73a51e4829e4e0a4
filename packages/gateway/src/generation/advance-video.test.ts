import { noRoutes } from '../routing/route.js';
import {
  EngineBusyError,
  PolicyViolationError,
  ProviderApiError,
  type VideoStatusResult,
} from '@vgw/spec';
import { afterEach, describe, expect, it } from 'vitest';
import { claimDueVideos } from '../db/video-lease-repository.js';
import { recordStartAttempt } from '../db/video-transitions-repository.js';
import { createWorker } from '../jobs/worker.js';
import { createFakeVideoModel, type FakeVideoModel } from '../test-support/fake-video-model.js';
import { testDatabaseKinds } from '../test-support/test-databases.js';
import { createTestGateway, silentLogger, type TestGateway } from '../test-support/test-gateway.js';
import { advanceVideo } from './advance-video.js';
import { createVideo } from './create-video.js';

/** Renders keyed by idempotency key, as an engine honouring the key would bill them. */
function idempotentEngine(
  status: (checks: number) => VideoStatusResult = () => ({ status: 'pending' }),
) {
  const renders = new Map<string, number>();
  const model = createFakeVideoModel({
    startScript: (options) => {
      if (!renders.has(options.idempotencyKey))
        renders.set(options.idempotencyKey, renders.size + 1);
      return { operation: { render: renders.get(options.idempotencyKey) as number }, warnings: [] };
    },
    statusScript: (checks) => status(checks),
  });
  return { model, renders };
}

let sequence = 0;

describe.each(testDatabaseKinds())('advancing videos on %s', (kind) => {
  let gateway: TestGateway;
  afterEach(async () => gateway.dispose());

  async function queue(count: number, model: FakeVideoModel) {
    const ids: string[] = [];
    for (let index = 0; index < count; index += 1) {
      const video = await createVideo(
        {
          ...gateway.advanceDeps,
          routes: noRoutes,
          newVideoId: () => `video_${kind}_${(sequence += 1)}`,
          deadlineSeconds: 3600,
        },
        {
          projectId: gateway.projectId,
          apiKeyId: null,
          idempotencyKey: null,
          input: {
            prompt: `clip ${index}`,
            model: model.modelId,
            seconds: null,
            size: null,
            fps: null,
            seed: null,
            inputReference: null,
            providerOptions: {},
            remixedFromVideoId: null,
          },
        },
      );
      ids.push(video.id);
    }
    return ids;
  }

  async function row(id: string) {
    const result = await gateway.test.database.query<Record<string, any>>(
      'select * from videos where id = $1',
      [id],
    );
    return result.rows[0] as Record<string, any>;
  }

  const expireLeases = () =>
    gateway.test.database.query(
      `update videos set lease_expires_at = now() - interval '1 second' where locked_by is not null`,
    );

  const completedAtAUrl = (): VideoStatusResult => ({
    status: 'completed',
    videos: [
      { variant: 'video', kind: 'url', url: 'http://engine.invalid/v.mp4', mediaType: 'video/mp4' },
    ],
  });

  it('finishes a video whose worker died after doStart, without a second render', async () => {
    const { model, renders } = idempotentEngine(completedAtAUrl);
    gateway = await createTestGateway(kind, [model]);
    gateway.advanceDeps.fetch = async () => new Response('video-bytes');
    const [id] = await queue(1, model);
    // Worker A claims, starts the render, and dies before recording the operation.
    const [claimed] = await claimDueVideos(gateway.test.database, {
      workerId: 'A',
      leaseSeconds: 30,
      limit: 1,
    });
    expect(claimed?.id).toBe(id);
    await recordStartAttempt(gateway.test.database, { id: id as string, workerId: 'A' });
    await model.doStart({ ...model.startCalls[0], idempotencyKey: claimed?.startKey } as never);
    await expireLeases();

    const workerB = gateway.newWorker('B');
    await gateway.drain(workerB);
    const video = await row(id as string);
    expect(video.status).toBe('completed');
    expect(model.startCalls.map((call) => call.idempotencyKey)).toEqual([
      claimed?.startKey,
      claimed?.startKey,
    ]);
    expect(renders.size).toBe(1);
    const files = await gateway.test.database.query(
      'select * from video_files where video_id = $1',
      [id],
    );
    expect(files.rowCount).toBe(1);
    const events = await gateway.test.database.query<{ type: string }>(
      'select type from video_events where video_id = $1 order by id',
      [id],
    );
    expect(events.rows.map((event) => event.type)).toContain('lease_taken_over');
  });

  it('continues from the stored operation after the worker died mid-check: doStart once', async () => {
    const { model } = idempotentEngine((checks) =>
      checks < 1
        ? { status: 'pending', progress: 30 }
        : { status: 'failed', error: { code: 'render_failed', message: 'boom', retryable: false } },
    );
    gateway = await createTestGateway(kind, [model]);
    const [id] = await queue(1, model);
    const workerA = gateway.newWorker('A');
    expect(await workerA.runOnce()).toBe(1);
    expect((await row(id as string)).status).toBe('in_progress');
    // A claims the status check and vanishes without releasing.
    await gateway.test.database.query(`update videos set next_check_at = now()`);
    await claimDueVideos(gateway.test.database, { workerId: 'A', leaseSeconds: 30, limit: 1 });
    await expireLeases();
    await gateway.drain(gateway.newWorker('B'));
    const video = await row(id as string);
    expect(model.startCalls).toHaveLength(1);
    expect(video.status).toBe('failed');
    expect(video.error).toMatchObject({ code: 'render_failed', message: 'boom' });
  });

  it('starts each of 50 videos exactly once with two workers competing', async () => {
    const { model } = idempotentEngine();
    gateway = await createTestGateway(kind, [model]);
    const ids = await queue(50, model);
    const other = await gateway.test.openAnother();
    const workers = [
      gateway.newWorker('A', 8),
      createWorker({
        database: other,
        workerId: 'B',
        handle: (video, context) =>
          advanceVideo({ ...gateway.advanceDeps, database: other }, video, context),
        logger: silentLogger,
        concurrency: 8,
      }),
    ];
    const queued = async () =>
      (await gateway.test.database.query(`select 1 from videos where status = 'queued'`)).rowCount;
    for (let round = 0; round < 50 && (await queued()) > 0; round += 1) {
      await Promise.all(workers.map((worker) => worker.runOnce()));
    }
    expect(await queued()).toBe(0);
    const startsPerPrompt = new Map<string, number>();
    for (const call of model.startCalls)
      startsPerPrompt.set(call.prompt, (startsPerPrompt.get(call.prompt) ?? 0) + 1);
    expect(model.startCalls).toHaveLength(50);
    expect([...startsPerPrompt.values()].every((count) => count === 1)).toBe(true);
    expect(ids).toHaveLength(50);
  });

  it('retries a retryable start later with the same key', async () => {
    let attempts = 0;
    const model = createFakeVideoModel({
      startScript: () => {
        attempts += 1;
        if (attempts === 1)
          throw new ProviderApiError('fake', 'rate limited', { status: 429, retryable: true });
        return { operation: { ok: true }, warnings: [] };
      },
    });
    gateway = await createTestGateway(kind, [model]);
    const [id] = await queue(1, model);
    const worker = gateway.newWorker();
    await worker.runOnce();
    expect((await row(id as string)).status).toBe('queued');
    await gateway.test.database.query('update videos set next_check_at = now()');
    await worker.runOnce();
    expect((await row(id as string)).status).toBe('in_progress');
    expect(model.startCalls).toHaveLength(2);
    expect(new Set(model.startCalls.map((call) => call.idempotencyKey)).size).toBe(1);
  });

  it('waits for a busy engine without using up start attempts', async () => {
    let busyLeft = 5;
    const model = createFakeVideoModel({
      startScript: () => {
        if (busyLeft > 0) {
          busyLeft -= 1;
          throw new EngineBusyError('fake', 'all 1 render slots are busy', 2000);
        }
        return { operation: { ok: true }, warnings: [] };
      },
    });
    gateway = await createTestGateway(kind, [model]);
    const [id] = await queue(1, model);
    const worker = gateway.newWorker();
    // More refusals than maxStartAttempts (3): none of them may count.
    for (let pass = 0; pass < 5; pass += 1) {
      await worker.runOnce();
      const waiting = await row(id as string);
      expect(waiting).toMatchObject({ status: 'queued', start_attempts: 0, locked_by: null });
      const delay = await gateway.test.database.query<{ seconds: number }>(
        'select extract(epoch from next_check_at - now())::float as seconds from videos where id = $1',
        [id],
      );
      expect(delay.rows[0]?.seconds).toBeGreaterThan(1);
      await gateway.test.database.query('update videos set next_check_at = now()');
    }
    await worker.runOnce();
    expect(await row(id as string)).toMatchObject({ status: 'in_progress', start_attempts: 1 });
    const deferred = await gateway.test.database.query<{ detail: unknown }>(
      `select detail from video_events where video_id = $1 and type = 'start_deferred'`,
      [id],
    );
    expect(deferred.rows).toHaveLength(5);
    expect(deferred.rows[0]?.detail).toEqual({
      reason: 'fake: all 1 render slots are busy',
      delaySeconds: 2,
    });
  });

  it('fails at once on a refusal, and the error says which input was refused', async () => {
    const model = createFakeVideoModel({
      startScript: () => {
        throw new PolicyViolationError('the engine refused the prompt', 'prompt');
      },
    });
    gateway = await createTestGateway(kind, [model]);
    const [id] = await queue(1, model);
    await gateway.newWorker().runOnce();
    const video = await row(id as string);
    expect(video.status).toBe('failed');
    expect(video.error).toEqual({
      code: 'content_policy_violation',
      message: 'the engine refused the prompt',
      param: 'prompt',
      retryable: false,
    });
    const response = await gateway.app.request(`/v1/videos/${id}`, gateway.authorized());
    expect(((await response.json()) as { error: unknown }).error).toEqual({
      code: 'content_policy_violation',
      message: 'the engine refused the prompt',
      param: 'prompt',
    });
  });

  it('fails a render past its deadline with upstream_timeout and cancels it upstream', async () => {
    const { model } = idempotentEngine();
    gateway = await createTestGateway(kind, [model]);
    const [id] = await queue(1, model);
    const worker = gateway.newWorker();
    await worker.runOnce();
    await gateway.test.database.query(
      `update videos set deadline_at = now() - interval '1 second', next_check_at = now()`,
    );
    await worker.runOnce();
    const video = await row(id as string);
    expect(video.status).toBe('failed');
    expect(video.error.code).toBe('upstream_timeout');
    expect(model.cancelCalls).toBe(1);
  });

  it('treats a throwing status check as a missed check and restarts an interrupted render', async () => {
    let checks = 0;
    const model = createFakeVideoModel({
      statusScript: () => {
        checks += 1;
        if (checks === 1) throw new Error('socket hang up');
        return {
          status: 'failed',
          error: { code: 'render_interrupted', message: 'gone', retryable: true },
        };
      },
    });
    gateway = await createTestGateway(kind, [model]);
    const [id] = await queue(1, model);
    const worker = gateway.newWorker();
    await worker.runOnce();
    const started = await row(id as string);
    await gateway.test.database.query('update videos set next_check_at = now()');
    await worker.runOnce();
    expect((await row(id as string)).status).toBe('in_progress');
    await gateway.test.database.query('update videos set next_check_at = now()');
    await worker.runOnce();
    const restarted = await row(id as string);
    expect(restarted.operation).toBeNull();
    expect(restarted.start_key).not.toBe(started.start_key);
    await gateway.drain(worker);
    const final = await row(id as string);
    expect(final.status).toBe('failed');
    expect(final.error.code).toBe('render_interrupted');
    expect(model.startCalls).toHaveLength(3);
  });

  it('fails a refused download at once and a failing one after three attempts', async () => {
    const { model } = idempotentEngine(completedAtAUrl);
    gateway = await createTestGateway(kind, [model]);
    gateway.advanceDeps.fetch = async () => {
      throw new ProviderApiError('download', 'refusing to fetch a private address', {
        code: 'unsafe_url',
        retryable: false,
      });
    };
    const [refused] = await queue(1, model);
    await gateway.drain(gateway.newWorker());
    expect((await row(refused as string)).error).toMatchObject({
      code: 'unsafe_url',
      retryable: false,
    });

    gateway.advanceDeps.fetch = async () => {
      throw new TypeError('fetch failed');
    };
    await gateway.test.database.query(`update videos set deleted_at = now()`);
    const [flaky] = await queue(1, model);
    await gateway.drain(gateway.newWorker());
    const video = await row(flaky as string);
    expect(video.status).toBe('failed');
    expect(video.error).toMatchObject({
      code: 'download_failed',
      message: 'output download failed: fetch failed',
    });
    const failures = await gateway.test.database.query(
      `select 1 from video_events where video_id = $1 and type = 'download_failed'`,
      [flaky],
    );
    expect(failures.rowCount).toBe(2);
  });

  it('fails a video whose status checks keep failing, with the last error, not at the deadline', async () => {
    let checks = 0;
    const model = createFakeVideoModel({
      statusScript: () => {
        checks += 1;
        if (checks === 3) return { status: 'pending', progress: 20 };
        throw new ProviderApiError('fake', 'unexpected response: <html>', {
          code: 'provider_bad_response',
          retryable: true,
        });
      },
    });
    gateway = await createTestGateway(kind, [model]);
    const [id] = await queue(1, model);
    await gateway.drain(gateway.newWorker(), 100);
    const video = await row(id as string);
    expect(video.status).toBe('failed');
    expect(video.error.code).toBe('provider_bad_response');
    expect(video.error.message).toBe(
      '12 status checks in a row failed; last: fake: unexpected response: <html>',
    );
    // Two failures, one good check (which resets the count), then twelve failures in a row.
    expect(checks).toBe(15);
  });

  it('refuses a stale worker: its writes change nothing once another worker took over', async () => {
    const { model } = idempotentEngine(() => ({
      status: 'failed',
      error: { code: 'x', message: 'y', retryable: false },
    }));
    gateway = await createTestGateway(kind, [model]);
    const [id] = await queue(1, model);
    const [staleCopy] = await claimDueVideos(gateway.test.database, {
      workerId: 'A',
      leaseSeconds: 30,
      limit: 1,
    });
    await expireLeases();
    await claimDueVideos(gateway.test.database, { workerId: 'B', leaseSeconds: 30, limit: 1 });
    await advanceVideo(gateway.advanceDeps, staleCopy as never, {
      workerId: 'A',
      signal: new AbortController().signal,
    });
    const video = await row(id as string);
    expect(video.locked_by).toBe('B');
    expect(video.status).toBe('queued');
    expect(model.startCalls).toHaveLength(0);
  });
});
