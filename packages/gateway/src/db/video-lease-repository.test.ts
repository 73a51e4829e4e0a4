import { describe, expect, it } from 'vitest';
import { testDatabaseKinds, useTestDatabases } from '../test-support/test-databases.js';
import type { Queryable } from './queryable.js';
import {
  claimDueVideos,
  countDueVideos,
  extendLeases,
  reapExpiredLeases,
  releaseAll,
  releaseVideo,
} from './video-lease-repository.js';
import { addVideos } from '../test-support/add-videos.js';

/** Makes videos due in the listed order (claims order by next_check_at). */
async function orderDue(client: Queryable, ids: string[]): Promise<void> {
  for (const [index, id] of ids.entries()) {
    await client.query(
      `update videos set next_check_at = now() - make_interval(secs => $2::double precision)
       where id = $1`,
      [id, 100 - index],
    );
  }
}

async function lease(client: Queryable, id: string) {
  const result = await client.query<{
    locked_by: string | null;
    lease_live: boolean | null;
    due: boolean;
    next_check_at: Date | null;
  }>(
    `select locked_by, lease_expires_at > now() as lease_live, next_check_at <= now() as due,
       next_check_at from videos where id = $1`,
    [id],
  );
  const row = result.rows[0];
  if (row == null) throw new Error(`no video ${id}`);
  return row;
}

async function events(client: Queryable, type: string) {
  const result = await client.query<{ video_id: string; actor: string; detail: unknown }>(
    'select video_id, actor, detail from video_events where type = $1 order by id',
    [type],
  );
  return result.rows;
}

describe.each(testDatabaseKinds())('video leases on %s', (kind) => {
  const databases = useTestDatabases(kind);
  const open = databases.open;

  it('claims due videos only, and takes over expired leases with an event', async () => {
    const database = await open();
    await addVideos(database, ['due', 'later', 'deleted', 'done', 'leased', 'expired', 'unset']);
    await orderDue(database, ['expired', 'due']);
    await database.query(`update videos set next_check_at = now() + interval '1 hour'
      where id = 'later'`);
    await database.query(`update videos set deleted_at = now() where id = 'deleted'`);
    await database.query(`update videos set status = 'completed' where id = 'done'`);
    await database.query(`update videos set locked_by = 'other',
      lease_expires_at = now() + interval '1 hour' where id = 'leased'`);
    await database.query(`update videos set locked_by = 'ghost',
      lease_expires_at = now() - interval '1 second' where id = 'expired'`);
    await database.query(`update videos set next_check_at = null where id = 'unset'`);
    expect(await countDueVideos(database)).toBe(2);

    const claimed = await claimDueVideos(database, { workerId: 'w1', leaseSeconds: 30, limit: 10 });

    expect(claimed.map((video) => video.id)).toEqual(['expired', 'due']);
    for (const video of claimed) {
      expect(video.lockedBy).toBe('w1');
      expect(video.leaseExpiresAt).toBeInstanceOf(Date);
      expect((await lease(database, video.id)).lease_live).toBe(true);
    }
    expect(await countDueVideos(database)).toBe(0);
    expect(await events(database, 'lease_taken_over')).toEqual([
      { video_id: 'expired', actor: 'w1', detail: { previous: 'ghost' } },
    ]);
    expect(await claimDueVideos(database, { workerId: 'w2', leaseSeconds: 30, limit: 10 })).toEqual(
      [],
    );
  });

  it('respects the limit, oldest next_check_at first', async () => {
    const database = await open();
    const ids = ['v1', 'v2', 'v3', 'v4', 'v5'];
    await addVideos(database, ids);
    await orderDue(database, ids);
    const first = await claimDueVideos(database, { workerId: 'w1', leaseSeconds: 30, limit: 2 });
    expect(first.map((video) => video.id)).toEqual(['v1', 'v2']);
    const rest = await claimDueVideos(database, { workerId: 'w2', leaseSeconds: 30, limit: 10 });
    expect(rest.map((video) => video.id)).toEqual(['v3', 'v4', 'v5']);
    expect(await claimDueVideos(database, { workerId: 'w1', leaseSeconds: 30, limit: 0 })).toEqual(
      [],
    );
  });

  it('claims only the models it serves, and expires the rest once well past their deadline', async () => {
    const database = await open();
    await addVideos(database, ['ours', 'theirs', 'theirs_late', 'theirs_just_late']);
    await orderDue(database, ['ours', 'theirs', 'theirs_late', 'theirs_just_late']);
    await database.query(`update videos set model = 'runway/gen4.5' where id like 'theirs%'`);
    await database.query(`update videos set deadline_at = now() - interval '6 minutes'
      where id = 'theirs_late'`);
    await database.query(`update videos set deadline_at = now() - interval '1 minute'
      where id = 'theirs_just_late'`);

    const local = await claimDueVideos(database, {
      workerId: 'w_local',
      leaseSeconds: 30,
      limit: 10,
      models: ['fake-1', 'local'],
    });
    expect(local.map((video) => [video.id, video.pastDeadline])).toEqual([
      ['ours', false],
      ['theirs_late', true],
    ]);
    const runway = await claimDueVideos(database, {
      workerId: 'w_runway',
      leaseSeconds: 30,
      limit: 10,
      models: ['runway/gen4.5'],
    });
    expect(runway.map((video) => video.id)).toEqual(['theirs', 'theirs_just_late']);
  });

  it('extends only the leases the worker still holds', async () => {
    const database = await open();
    await addVideos(database, ['mine', 'stolen']);
    await claimDueVideos(database, { workerId: 'w1', leaseSeconds: 1, limit: 10 });
    await database.query(`update videos set locked_by = 'w2' where id = 'stolen'`);
    const held = await extendLeases(database, {
      workerId: 'w1',
      ids: ['mine', 'stolen'],
      leaseSeconds: 60,
    });
    expect(held).toEqual(['mine']);
    const extended = await database.query<{ far: boolean }>(
      `select lease_expires_at > now() + interval '30 seconds' as far from videos where id = 'mine'`,
    );
    expect(extended.rows[0]?.far).toBe(true);
    expect(await extendLeases(database, { workerId: 'w1', ids: [], leaseSeconds: 60 })).toEqual([]);
  });

  it('fences releases: a worker whose lease was taken over changes nothing', async () => {
    const database = await open();
    await addVideos(database, ['v1']);
    await claimDueVideos(database, { workerId: 'a', leaseSeconds: 30, limit: 1 });
    await database.query(`update videos set lease_expires_at = now() - interval '1 second'`);
    const [takenOver] = await claimDueVideos(database, {
      workerId: 'b',
      leaseSeconds: 30,
      limit: 1,
    });
    expect(takenOver?.id).toBe('v1');
    const before = await lease(database, 'v1');

    expect(await releaseVideo(database, { id: 'v1', workerId: 'a', delaySeconds: 0 })).toBe(false);
    expect(await lease(database, 'v1')).toEqual(before);

    const released = await releaseVideo(database, {
      id: 'v1',
      workerId: 'b',
      delaySeconds: 60,
      event: { type: 'checked', detail: { progress: 10 } },
    });
    expect(released).toBe(true);
    const after = await lease(database, 'v1');
    expect(after.locked_by).toBeNull();
    expect(after.lease_live).toBeNull();
    expect(after.due).toBe(false);
    expect(await events(database, 'checked')).toEqual([
      { video_id: 'v1', actor: 'b', detail: { progress: 10 } },
    ]);
    expect(await countDueVideos(database)).toBe(0);
  });

  it('releases every lease of a worker on shutdown, due at once', async () => {
    const database = await open();
    await addVideos(database, ['v1', 'v2', 'v3', 'other']);
    await claimDueVideos(database, { workerId: 'w1', leaseSeconds: 30, limit: 3 });
    await claimDueVideos(database, { workerId: 'w2', leaseSeconds: 30, limit: 3 });
    await database.query(`update videos set next_check_at = now() + interval '1 hour'
      where locked_by = 'w1'`);
    expect(await releaseAll(database, { workerId: 'w1' })).toBe(3);
    expect(await countDueVideos(database)).toBe(3);
    expect((await lease(database, 'other')).locked_by).toBe('w2');
    expect(await releaseAll(database, { workerId: 'w1' })).toBe(0);
  });

  it('reaps expired leases only, recording who lost them', async () => {
    const database = await open();
    await addVideos(database, ['expired', 'live', 'free']);
    await database.query(`update videos set locked_by = 'ghost',
      lease_expires_at = now() - interval '1 second' where id = 'expired'`);
    await database.query(`update videos set locked_by = 'alive',
      lease_expires_at = now() + interval '1 hour' where id = 'live'`);
    expect(await countDueVideos(database)).toBe(2);

    expect(await reapExpiredLeases(database)).toBe(1);

    expect((await lease(database, 'expired')).locked_by).toBeNull();
    expect((await lease(database, 'live')).locked_by).toBe('alive');
    expect(await events(database, 'lease_expired')).toEqual([
      { video_id: 'expired', actor: 'reaper', detail: { previous: 'ghost' } },
    ]);
    expect(await countDueVideos(database)).toBe(2);
    expect(await reapExpiredLeases(database)).toBe(0);
  });
});
