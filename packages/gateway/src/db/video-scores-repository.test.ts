import { afterEach, describe, expect, it } from 'vitest';
import { addVideos } from '../test-support/add-videos.js';
import {
  openTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '../test-support/test-databases.js';
import type { Database } from './queryable.js';
import {
  claimDueScores,
  extendScoreLeases,
  reapExpiredScoreLeases,
  releaseAllScores,
  releaseScore,
} from './score-lease-repository.js';
import { claimDueVideos } from './video-lease-repository.js';
import {
  enqueueMissingScores,
  findVideoScore,
  recordScoreCompleted,
  recordScoreFailed,
  scoresDueChannel,
} from './video-scores-repository.js';
import { recordCompleted } from './video-transitions-repository.js';
import { deleteVideo } from './videos-repository.js';

const file = { variant: 'video', sha256: 'a'.repeat(64), bytes: 10, mediaType: 'video/mp4' };

async function scoreRows(database: Database) {
  const result = await database.query<{ video_id: string; status: string; attempts: number }>(
    'select video_id, status, attempts from video_scores order by video_id',
  );
  return result.rows;
}

/** Claims every due video as `w` and marks the given ones completed. */
async function complete(database: Database, ids: string[], enqueueScore: boolean) {
  await claimDueVideos(database, { workerId: 'w', leaseSeconds: 60, limit: 100 });
  for (const id of ids) {
    expect(
      await recordCompleted(database, { id, workerId: 'w', files: [file], enqueueScore }),
    ).toBe(true);
  }
}

async function expireScoreLeases(database: Database) {
  await database.query(`update video_scores set locked_until = now() - interval '1 second'`);
}

describe.each(testDatabaseKinds())('video_scores on %s', (kind) => {
  let test: TestDatabase | null = null;
  afterEach(async () => {
    await test?.dispose();
    test = null;
  });

  async function open(ids: string[]): Promise<Database> {
    test = await openTestDatabase(kind);
    await addVideos(test.database, ids);
    return test.database;
  }

  it('queues exactly one score in the statement that completes the video, and notifies', async () => {
    const database = await open(['v1', 'v2']);
    let notify: (payload: string) => void = () => undefined;
    const notified = new Promise<string>((resolve) => {
      notify = resolve;
    });
    const unlisten = await database.listen(scoresDueChannel, (payload) => notify(payload));
    await complete(database, ['v1'], true);
    await complete(database, ['v2'], false);
    expect(await scoreRows(database)).toEqual([{ video_id: 'v1', status: 'queued', attempts: 0 }]);
    // A completion that fails part-way (a file row breaking its check) leaves no score behind.
    await addVideos(database, ['v3']);
    await claimDueVideos(database, { workerId: 'w', leaseSeconds: 60, limit: 10 });
    await expect(
      recordCompleted(database, {
        id: 'v3',
        workerId: 'w',
        files: [{ ...file, variant: 'bogus' }],
        enqueueScore: true,
      }),
    ).rejects.toThrow();
    const v3 = await database.query<{ status: string }>(
      `select status from videos where id = 'v3'`,
    );
    expect(v3.rows[0]?.status).toBe('queued');
    expect((await scoreRows(database)).map((row) => row.video_id)).toEqual(['v1']);
    // Another worker's completion is fenced out and queues nothing either.
    expect(
      await recordCompleted(database, {
        id: 'v3',
        workerId: 'x',
        files: [file],
        enqueueScore: true,
      }),
    ).toBe(false);
    expect(await scoreRows(database)).toHaveLength(1);
    expect(await notified).toBe('v1');
    await unlisten();
  });

  it('claims, extends and fences a score job; a stranger cannot write it', async () => {
    const database = await open(['v1']);
    await complete(database, ['v1'], true);
    const claimed = await claimDueScores(database, { workerId: 'a', leaseSeconds: 30, limit: 5 });
    expect(claimed).toEqual([{ id: 'v1', attempts: 1 }]);
    expect(await claimDueScores(database, { workerId: 'b', leaseSeconds: 30, limit: 5 })).toEqual(
      [],
    );
    expect(
      await extendScoreLeases(database, { workerId: 'a', ids: ['v1'], leaseSeconds: 30 }),
    ).toEqual(['v1']);
    expect(
      await extendScoreLeases(database, { workerId: 'b', ids: ['v1'], leaseSeconds: 30 }),
    ).toEqual([]);
    const stranger = { videoId: 'v1', workerId: 'b' };
    expect(await recordScoreFailed(database, { ...stranger, code: 'x', message: 'y' })).toBe(false);
    expect(await recordScoreCompleted(database, { videoId: 'v1', workerId: 'a', result: {} })).toBe(
      true,
    );
    const stored = await findVideoScore(database, 'v1');
    expect(stored?.status).toBe('completed');
    expect(stored?.completedAt).toBeInstanceOf(Date);
    expect(await claimDueScores(database, { workerId: 'a', leaseSeconds: 30, limit: 5 })).toEqual(
      [],
    );
  });

  it('reaps an expired lease, counting the lost attempt, and lets another worker take it', async () => {
    const database = await open(['v1']);
    await complete(database, ['v1'], true);
    await claimDueScores(database, { workerId: 'dead', leaseSeconds: 30, limit: 1 });
    expect(await reapExpiredScoreLeases(database)).toBe(0);
    await expireScoreLeases(database);
    expect(await reapExpiredScoreLeases(database)).toBe(1);
    const taken = await claimDueScores(database, { workerId: 'b', leaseSeconds: 30, limit: 1 });
    expect(taken).toEqual([{ id: 'v1', attempts: 2 }]);
    // The dead worker's late write is fenced out.
    expect(
      await recordScoreCompleted(database, { videoId: 'v1', workerId: 'dead', result: {} }),
    ).toBe(false);
  });

  it('hands back jobs at shutdown with their attempt refunded; a failed release keeps it', async () => {
    const database = await open(['v1', 'v2']);
    await complete(database, ['v1', 'v2'], true);
    await claimDueScores(database, { workerId: 'a', leaseSeconds: 30, limit: 2 });
    const failure = { id: 'v1', workerId: 'a', delaySeconds: 3600, failureMessage: 'boom' };
    expect(await releaseScore(database, failure)).toBe(true);
    expect(await releaseAllScores(database, { workerId: 'a' })).toBe(1);
    expect(await scoreRows(database)).toEqual([
      { video_id: 'v1', status: 'queued', attempts: 1 },
      { video_id: 'v2', status: 'queued', attempts: 0 },
    ]);
    expect((await findVideoScore(database, 'v1'))?.errorMessage).toBe('boom');
    const due = await claimDueScores(database, { workerId: 'b', leaseSeconds: 30, limit: 5 });
    expect(due.map((job) => job.id)).toEqual(['v2']);
  });

  it('deleting a video removes its score; deleted videos are never claimed', async () => {
    const database = await open(['v1', 'v2']);
    await complete(database, ['v1', 'v2'], true);
    await database.transaction((client) => deleteVideo(client, 'proj_1', 'v1'));
    expect((await scoreRows(database)).map((row) => row.video_id)).toEqual(['v2']);
    await database.query(`update videos set deleted_at = now() where id = 'v2'`);
    expect(await claimDueScores(database, { workerId: 'a', leaseSeconds: 30, limit: 5 })).toEqual(
      [],
    );
    await database.query(`delete from video_files`);
    await database.query(`delete from video_events`);
    await database.query(`delete from ledger_entries`);
    await database.query(`delete from videos where id = 'v2'`);
    expect(await scoreRows(database)).toEqual([]);
  });

  it('queues the completed videos that have no score yet, once', async () => {
    const database = await open(['v1', 'v2', 'v3']);
    await complete(database, ['v1'], true);
    await complete(database, ['v2'], false);
    expect(await enqueueMissingScores(database)).toBe(1);
    expect(await enqueueMissingScores(database)).toBe(0);
    expect((await scoreRows(database)).map((row) => row.video_id)).toEqual(['v1', 'v2']);
  });
});
