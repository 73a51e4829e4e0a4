import { describe, expect, it } from 'vitest';
import { addVideos } from '../test-support/add-videos.js';
import { testDatabaseKinds, useTestDatabases } from '../test-support/test-databases.js';
import type { Database, Queryable } from './queryable.js';
import { claimDueVideos, type RenderLimits } from './video-lease-repository.js';

const projectA = { id: 'proj_a', name: 'alpha' };
const projectB = { id: 'proj_b', name: 'beta' };

const ids = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, index) => `${prefix}_${String(index).padStart(2, '0')}`);

/** Due `secondsAgo` ago: claims look at the oldest `next_check_at` first. */
async function dueSince(client: Queryable, videoIds: string[], secondsAgo: number) {
  await client.query(
    `update videos set next_check_at = now() - make_interval(secs => $2::double precision)
     where id = any($1::text[])`,
    [videoIds, secondsAgo],
  );
}

/** What a worker's start does: saves the operation and gives the lease back, due again. */
async function start(client: Queryable, id: string) {
  await client.query(
    `update videos set operation = jsonb_build_object('job', id), status = 'in_progress',
       locked_by = null, lease_expires_at = null, next_check_at = now() - interval '1 second'
     where id = $1`,
    [id],
  );
}

async function finish(client: Queryable, id: string) {
  await client.query(
    `update videos set status = 'completed', locked_by = null, lease_expires_at = null,
       next_check_at = null where id = $1`,
    [id],
  );
}

/** Render slots held per project: unfinished videos rendering (operation saved) or leased. */
async function slotsHeld(client: Queryable): Promise<Record<string, number>> {
  const result = await client.query<{ project_id: string; slots: number }>(
    `select project_id, count(*)::int as slots from videos
     where status in ('queued', 'in_progress') and deleted_at is null
       and (operation is not null or (locked_by is not null and lease_expires_at > now()))
     group by project_id`,
  );
  return Object.fromEntries(result.rows.map((row) => [row.project_id, row.slots]));
}

const projectOf = (id: string) => (id.startsWith('a_') ? 'a' : 'b');

function perProject(claimedIds: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const id of claimedIds) counts[projectOf(id)] = (counts[projectOf(id)] ?? 0) + 1;
  return counts;
}

/**
 * The database with every transaction's commit held until `gate` opens; tells `onWorkDone` when
 * a transaction's work is over and `onBackend` which server process runs it.
 */
function holdingCommits(
  inner: Database,
  hooks: { gate: Promise<void>; onBackend: (pid: number) => void; onWorkDone: () => void },
): Database {
  return {
    ...inner,
    transaction: (work) =>
      inner.transaction(async (client) => {
        const backend = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
        hooks.onBackend(backend.rows[0]!.pid);
        const result = await work(client);
        hooks.onWorkDone();
        await hooks.gate;
        return result;
      }),
  };
}

describe.each(testDatabaseKinds())('fair claims on %s', (kind) => {
  const databases = useTestDatabases(kind);
  const open = databases.open;

  const claim = (
    database: Database,
    renderLimits: RenderLimits,
    worker: { limit?: number; workerId?: string; models?: string[] } = {},
  ) =>
    claimDueVideos(database, {
      workerId: worker.workerId ?? 'w1',
      leaseSeconds: 30,
      limit: worker.limit ?? 20,
      renderLimits,
      ...(worker.models != null ? { models: worker.models } : {}),
    });

  it('never holds more than the limit per project, over every round, and finishes them all', async () => {
    const database = await open();
    await addVideos(database, ids('a', 10), projectA);
    await addVideos(database, ids('b', 10), projectB);
    const limits = { perProject: 2, projects: {} };
    const most = { proj_a: 0, proj_b: 0 };
    let rounds = 0;
    for (; rounds < 40; rounds += 1) {
      const claimed = await claim(database, limits);
      if (claimed.length === 0) break;
      const held = await slotsHeld(database);
      most.proj_a = Math.max(most.proj_a, held.proj_a ?? 0);
      most.proj_b = Math.max(most.proj_b, held.proj_b ?? 0);
      expect(held.proj_a ?? 0).toBeLessThanOrEqual(2);
      expect(held.proj_b ?? 0).toBeLessThanOrEqual(2);
      expect(claimed.filter((video) => video.operation == null).length).toBeLessThanOrEqual(4);
      // A started video is checked once and finishes; an unstarted one starts.
      for (const video of claimed) {
        await (video.operation == null ? start(database, video.id) : finish(database, video.id));
      }
    }
    expect(most).toEqual({ proj_a: 2, proj_b: 2 });
    const finished = await database.query(`select id from videos where status = 'completed'`);
    expect(finished.rowCount).toBe(20);
    // Two starts and two checks per project per round pair: 10 videos in 2s take 10 rounds.
    expect(rounds).toBe(10);
  });

  it("claims a small project's videos in the first round, not after a big one's backlog", async () => {
    const database = await open();
    await addVideos(database, ids('a', 50), projectA);
    await dueSince(database, ids('a', 50), 3600);
    await addVideos(database, ids('b', 3), projectB);
    await dueSince(database, ids('b', 3), 1);
    const limits = { perProject: 16, projects: {} };

    const first = await claim(database, limits, { limit: 4 });
    expect(first.map((video) => video.id)).toEqual(['a_00', 'a_01', 'b_00', 'b_01']);
    for (const video of first) await start(database, video.id);
    await dueSince(database, ids('a', 2).concat(ids('b', 2)), -3600);

    const second = await claim(database, limits, { limit: 4 });
    expect(perProject(second.map((video) => video.id))).toEqual({ a: 3, b: 1 });
    expect(second.map((video) => video.id)).toContain('b_02');
  });

  it('keeps started videos claimable when their project is at (or over) its limit', async () => {
    const database = await open();
    await addVideos(database, ['a_started_1', 'a_started_2', 'a_started_3'], projectA);
    await addVideos(database, ids('a', 3), projectA);
    await addVideos(database, ['b_leased', 'b_lapsed', 'b_late', 'b_waiting'], projectB);
    await dueSince(database, ['a_started_1', 'a_started_2', 'a_started_3'], 60);
    for (const id of ['a_started_1', 'a_started_2', 'a_started_3']) await start(database, id);
    // A live lease on an unstarted video is a start under way: it holds a slot.
    await database.query(`update videos set locked_by = 'other',
      lease_expires_at = now() + interval '1 hour' where id = 'b_leased'`);
    // A lapsed lease holds nothing, and a video past its deadline is expired, not started.
    await database.query(`update videos set locked_by = 'ghost',
      lease_expires_at = now() - interval '1 second' where id = 'b_lapsed'`);
    await database.query(`update videos set deadline_at = now() - interval '1 second'
      where id = 'b_late'`);
    await dueSince(database, ['b_lapsed'], 30);
    await dueSince(database, ['b_late'], 20);

    const claimed = await claim(database, { perProject: 2, projects: {} });

    expect(claimed.map((video) => video.id).sort()).toEqual([
      'a_started_1',
      'a_started_2',
      'a_started_3',
      'b_lapsed',
      'b_late',
    ]);
  });

  it("honours a project's own limit over the default", async () => {
    const database = await open();
    await addVideos(database, ids('a', 10), projectA);
    await addVideos(database, ids('b', 10), projectB);

    const claimed = await claim(database, { perProject: 1, projects: { beta: 4 } });

    expect(perProject(claimed.map((video) => video.id))).toEqual({ a: 1, b: 4 });
    expect(await slotsHeld(database)).toEqual({ proj_a: 1, proj_b: 4 });
  });

  it('lets concurrent claims of workers serving different models start no more than the limit together', async () => {
    const database = await open();
    const others = [database, ...(await Promise.all([1, 2, 3].map(() => databases.openAnother())))];
    await addVideos(database, ids('a', 40), projectA);
    await database.query(`update videos set model = 'other-1' where id like '%1' or id like '%3'`);
    const limits = { perProject: 3, projects: {} };
    for (let round = 0; round < 6; round += 1) {
      const claims = await Promise.all(
        others.map((each, index) =>
          claim(each, limits, {
            workerId: `w${index}`,
            models: [index % 2 === 0 ? 'fake-1' : 'other-1'],
          }),
        ),
      );
      expect(claims.flat().length).toBe(3);
      expect(await slotsHeld(database)).toEqual({ proj_a: 3 });
      for (const video of claims.flat()) await finish(database, video.id);
    }
  });

  // Only Postgres has separate connections: PGlite runs one transaction at a time by design.
  it.runIf(kind === 'postgres')(
    'makes a claim wait for one in flight, so both cannot count the same free slots',
    async () => {
      const database = await open();
      await addVideos(database, ids('a', 10), projectA);
      await database.query(
        `update videos set model = 'other-1' where id like '%1' or id like '%3'`,
      );
      const backends: number[] = [];
      let workDone = 0;
      let openGate: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (openGate = resolve));
      const hooks = {
        gate,
        onBackend: (pid: number) => backends.push(pid),
        onWorkDone: () => (workDone += 1),
      };
      const claimers = [database, await databases.openAnother()].map((each) =>
        holdingCommits(each, hooks),
      );
      const limits = { perProject: 3, projects: {} };
      const claims = Promise.all(
        claimers.map((each, index) =>
          claim(each, limits, { workerId: `w${index}`, models: [['fake-1', 'other-1'][index]!] }),
        ),
      );
      let failed = false;
      claims.catch(() => (failed = true));
      // Commits wait until each claim has either run or is queued behind another's lock. Without
      // the lock both would count three free slots, and as they serve different models neither
      // would skip the other's rows: six videos claimed.
      for (;;) {
        const waiting = await database.query<{ count: number }>(
          `select count(*)::int as count from pg_locks
           where locktype = 'advisory' and not granted and pid = any($1::int[])`,
          [backends],
        );
        if (failed || workDone + (waiting.rows[0]?.count ?? 0) >= claimers.length) break;
      }
      openGate();
      const claimed = (await claims).flat();
      expect(claimed.length).toBe(3);
      expect(await slotsHeld(database)).toEqual({ proj_a: 3 });
    },
  );
});
