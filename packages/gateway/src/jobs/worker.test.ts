import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/queryable.js';
import { claimDueVideos, releaseVideo } from '../db/video-lease-repository.js';
import type { VideoRecord } from '../db/video-record.js';
import { videosDueChannel } from '../db/videos-repository.js';
import {
  openTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '../test-support/test-databases.js';
import { LeaseLostError } from './heartbeat.js';
import { addVideos } from '../test-support/add-videos.js';
import { deferred, recordingLogger, type Deferred } from '../test-support/recording-logger.js';
import { systemTimers, type WorkerTimers } from './timers.js';
import { createWorker, WorkerStoppingError, type Worker } from './worker.js';
import type { VideoHandler, WorkerDependencies } from './worker-options.js';

async function row(database: Database, id: string) {
  const result = await database.query<{ locked_by: string | null; due: boolean }>(
    'select locked_by, next_check_at <= now() as due from videos where id = $1',
    [id],
  );
  const found = result.rows[0];
  if (found == null) throw new Error(`no video ${id}`);
  return found;
}

/** Handles a video by parking it for an hour: it is not due again within the test. */
function parking(database: Database, seen: Map<string, number>): VideoHandler {
  return async (video, context) => {
    seen.set(video.id, (seen.get(video.id) ?? 0) + 1);
    await releaseVideo(database, { id: video.id, workerId: context.workerId, delaySeconds: 3600 });
  };
}

/** Parks the video as `parking` does, then says which video it handled. */
function parkingAndTelling(database: Database, handled: Deferred<string>): VideoHandler {
  const park = parking(database, new Map());
  return async (video, context) => {
    await park(video, context);
    handled.resolve(video.id);
  };
}

async function runUntilIdle(worker: Worker): Promise<number> {
  let total = 0;
  for (;;) {
    const handled = await worker.runOnce();
    if (handled === 0) return total;
    total += handled;
  }
}

describe.each(testDatabaseKinds())('worker on %s', (kind) => {
  let test: TestDatabase | null = null;
  const workers: Worker[] = [];
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.stop({ graceMs: 0 })));
    await test?.dispose();
    test = null;
  });

  async function open(): Promise<Database> {
    test = await openTestDatabase(kind);
    return test.database;
  }

  function worker(
    dependencies: Partial<WorkerDependencies> & Pick<WorkerDependencies, 'database'>,
  ) {
    const created = createWorker({
      workerId: 'w1',
      handle: async () => undefined,
      logger: recordingLogger(),
      pollIntervalMs: 3_600_000,
      reapIntervalMs: 3_600_000,
      ...dependencies,
    });
    workers.push(created);
    return created;
  }

  it('handles each of 50 videos exactly once across two concurrent workers', async () => {
    const database = await open();
    const other = await test!.openAnother();
    const ids = Array.from({ length: 50 }, (_, index) => `video_${index}`);
    await addVideos(database, ids);
    const seen = new Map<string, number>();
    const first = worker({ database, workerId: 'a', handle: parking(database, seen) });
    const second = worker({ database: other, workerId: 'b', handle: parking(other, seen) });

    const [handledByFirst, handledBySecond] = await Promise.all([
      runUntilIdle(first),
      runUntilIdle(second),
    ]);

    expect(handledByFirst + handledBySecond).toBe(50);
    expect([...seen.keys()].sort()).toEqual([...ids].sort());
    expect([...seen.values()].every((count) => count === 1)).toBe(true);
    const locked = await database.query('select id from videos where locked_by is not null');
    expect(locked.rowCount).toBe(0);
  });

  it('takes over an abandoned claim once its lease expired; the old holder is fenced out', async () => {
    const database = await open();
    await addVideos(database, ['v1']);
    await claimDueVideos(database, { workerId: 'a', leaseSeconds: 30, limit: 10 });
    const handled: VideoRecord[] = [];
    const fencedOut: boolean[] = [];
    const takeover = worker({
      database,
      workerId: 'b',
      handle: async (video, context) => {
        handled.push(video);
        fencedOut.push(
          await releaseVideo(database, { id: video.id, workerId: 'a', delaySeconds: 0 }),
        );
        expect((await row(database, video.id)).locked_by).toBe('b');
        await releaseVideo(database, {
          id: video.id,
          workerId: context.workerId,
          delaySeconds: 60,
        });
      },
    });

    expect(await takeover.runOnce()).toBe(0);
    await database.query(`update videos set lease_expires_at = now() - interval '1 second'`);
    expect(await takeover.runOnce()).toBe(1);

    expect(handled.map((video) => [video.id, video.lockedBy])).toEqual([['v1', 'b']]);
    expect(fencedOut).toEqual([false]);
    const events = await database.query<{ actor: string; detail: unknown }>(
      `select actor, detail from video_events where type = 'lease_taken_over'`,
    );
    expect(events.rows).toEqual([{ actor: 'b', detail: { previous: 'a' } }]);
  });

  it('releases a video whose handler throws with growing backoff, and keeps going', async () => {
    const database = await open();
    await addVideos(database, ['v1']);
    const logger = recordingLogger();
    let calls = 0;
    const failing = worker({
      database,
      logger,
      handle: async () => {
        calls += 1;
        throw new Error(`boom ${calls}`);
      },
    });

    expect(await failing.runOnce()).toBe(1);
    expect(await row(database, 'v1')).toEqual({ locked_by: null, due: false });
    expect(await failing.runOnce()).toBe(0);
    await database.query(`update videos set next_check_at = now() - interval '1 second'`);
    expect(await failing.runOnce()).toBe(1);

    expect(calls).toBe(2);
    expect((await row(database, 'v1')).locked_by).toBeNull();
    const events = await database.query<{ actor: string; detail: unknown }>(
      `select actor, detail from video_events where type = 'handler_failed' order by id`,
    );
    expect(events.rows).toEqual([
      { actor: 'w1', detail: { message: 'boom 1', delaySeconds: 1 } },
      { actor: 'w1', detail: { message: 'boom 2', delaySeconds: 2 } },
    ]);
    expect(logger.entries.filter((entry) => entry.level === 'error')).toHaveLength(2);
  });

  it('stop() waits for a handler that finishes within the grace period', async () => {
    const database = await open();
    await addVideos(database, ['v1']);
    const started = deferred();
    const gate = deferred();
    let aborted = false;
    const graceful = worker({
      database,
      handle: async (video, context) => {
        started.resolve();
        await gate.promise;
        aborted = context.signal.aborted;
        await releaseVideo(database, {
          id: video.id,
          workerId: context.workerId,
          delaySeconds: 60,
        });
      },
    });
    const run = graceful.runOnce();
    await started.promise;
    const stopped = graceful.stop({ graceMs: 60_000 });
    gate.resolve();
    await stopped;
    expect(await run).toBe(1);
    expect(aborted).toBe(false);
    expect(await row(database, 'v1')).toEqual({ locked_by: null, due: false });
  });

  it('stop() aborts a handler that ignores its deadline and releases its lease', async () => {
    const database = await open();
    await addVideos(database, ['v1']);
    const started = deferred<AbortSignal>();
    const never = deferred();
    const stubborn = worker({
      database,
      handle: async (_video, context) => {
        started.resolve(context.signal);
        await never.promise;
      },
    });
    const run = stubborn.runOnce();
    const signal = await started.promise;

    const stopping = stubborn.stop({ graceMs: 10 });
    expect(stubborn.stop({ graceMs: 10 })).toBe(stopping);
    await stopping;

    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBeInstanceOf(WorkerStoppingError);
    expect(await row(database, 'v1')).toEqual({ locked_by: null, due: true });
    expect(await stubborn.runOnce()).toBe(0);
    never.resolve();
    expect(await run).toBe(1);
  });

  it('aborts a handler whose lease was lost, found by the heartbeat', async () => {
    const database = await open();
    await addVideos(database, ['v1']);
    const beats: (() => void)[] = [];
    const timers: WorkerTimers = {
      ...systemTimers,
      setInterval: (callback) => beats.push(callback),
      clearInterval: () => undefined,
    };
    const started = deferred();
    let reason: unknown = null;
    const slow = worker({
      database,
      timers,
      handle: async (_video, context) => {
        started.resolve();
        await new Promise((resolve) => context.signal.addEventListener('abort', resolve));
        reason = context.signal.reason;
      },
    });
    const run = slow.runOnce();
    await started.promise;
    await database.query(`update videos set locked_by = 'thief'`);
    for (const beat of beats) beat();
    expect(await run).toBe(1);
    expect(reason).toBeInstanceOf(LeaseLostError);
    expect((await row(database, 'v1')).locked_by).toBe('thief');
  });

  it('wakes on a NOTIFY without waiting for the poll interval', async () => {
    const database = await open();
    await addVideos(database, []);
    const handled = deferred<string>();
    const listening = worker({
      database,
      pollIntervalMs: 3_600_000,
      handle: parkingAndTelling(database, handled),
    });
    await listening.start();
    await addVideos(database, ['v1']);
    await database.notify(videosDueChannel, 'v1');
    expect(await handled.promise).toBe('v1');
  });

  it('logs a database error in the loop and retries after the poll interval', async () => {
    const database = await open();
    await addVideos(database, ['v1']);
    let failuresLeft = 1;
    const flaky: Database = {
      ...database,
      query: async (sql, params) => {
        if (sql.includes('skip locked') && failuresLeft-- > 0) throw new Error('connection lost');
        return database.query(sql, params);
      },
    };
    const logger = recordingLogger();
    const handled = deferred<string>();
    const retrying = worker({
      database: flaky,
      logger,
      pollIntervalMs: 5,
      handle: parkingAndTelling(database, handled),
    });
    await retrying.start();
    expect(await handled.promise).toBe('v1');
    expect(logger.entries.map((entry) => entry.message)).toContain(
      'claiming videos failed; retrying',
    );
  });

  it('reaps expired leases on its reap interval', async () => {
    const database = await open();
    await addVideos(database, ['v1']);
    await claimDueVideos(database, { workerId: 'gone', leaseSeconds: 30, limit: 1 });
    await database.query(`update videos set lease_expires_at = now() - interval '1 second'`);
    const reaps: (() => void)[] = [];
    const reaped = deferred();
    const logger = recordingLogger();
    const reaper = worker({
      database,
      workerId: 'reaper-worker',
      concurrency: 1,
      logger: {
        ...logger,
        warn: (fields, message) => {
          logger.warn(fields, message);
          if (message === 'cleared expired leases') reaped.resolve();
        },
      },
      timers: { ...systemTimers, setInterval: (callback) => reaps.push(callback) },
    });
    // Not due, so no claim takes the lease over: the reaper alone must clear it.
    await database.query(`update videos set next_check_at = now() + interval '1 hour'`);
    await reaper.start();
    for (const reap of reaps) reap();
    await reaped.promise;
    expect((await row(database, 'v1')).locked_by).toBeNull();
    const events = await database.query<{ actor: string; detail: unknown }>(
      `select actor, detail from video_events where type = 'lease_expired'`,
    );
    expect(events.rows).toEqual([{ actor: 'reaper-worker', detail: { previous: 'gone' } }]);
  });
});
