import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../packages/gateway/src/db/queryable.js';
import { addVideos } from '../packages/gateway/src/test-support/add-videos.js';
import { claimDueVideos } from '../packages/gateway/src/db/video-lease-repository.js';
import { advanceVideo } from '../packages/gateway/src/generation/advance-video.js';
import { createCostPolicy } from '../packages/gateway/src/cost/cost-policy.js';
import { createWorker, type Worker } from '../packages/gateway/src/jobs/worker.js';
import { createModelRegistry } from '../packages/gateway/src/providers/model-registry.js';
import { createContentStore } from '../packages/gateway/src/storage/content-store.js';
import { createFakeVideoModel } from '../packages/gateway/src/test-support/fake-video-model.js';
import { silentLogger } from '../packages/gateway/src/test-support/test-gateway.js';
import { openBenchDatabase } from './bench-database.js';

async function queueVideos(database: Database, count: number): Promise<void> {
  await addVideos(
    database,
    Array.from({ length: count }, () => `video_${randomBytes(12).toString('hex')}`),
  );
}

async function makeWorkers(
  databases: Database[],
  outputPath: string,
  pollIntervalMs = 20,
): Promise<Worker[]> {
  const model = createFakeVideoModel({
    statusScript: () => ({
      status: 'completed',
      videos: [{ variant: 'video', kind: 'file', path: outputPath, mediaType: 'video/mp4' }],
    }),
  });
  const registry = createModelRegistry([model], 'fake-1');
  const store = createContentStore(await mkdtemp(join(tmpdir(), 'vgw-jobs-bench-')));
  return databases.map((database, index) =>
    createWorker({
      database,
      workerId: `bench_${index}`,
      handle: (video, context) =>
        advanceVideo(
          {
            database,
            registry,
            store,
            fetch,
            fetchTrusting: () => fetch,
            newStartKey: randomUUID,
            maxStartAttempts: 3,
            cost: createCostPolicy(),
            breakers: { failureThreshold: 5, coolDownSeconds: 60 },
            logger: silentLogger,
          },
          video,
          context,
        ),
      logger: silentLogger,
      concurrency: 32,
      pollIntervalMs,
    }),
  );
}

async function waitUntil(database: Database, done: () => Promise<boolean>): Promise<void> {
  for (let round = 0; round < 6000 && !(await done()); round += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  void database;
}

/**
 * Two workers (each with its own pool, as two processes would) take `count` videos from queued
 * through in_progress to completed with a no-op engine; transitions are counted from the audit log.
 */
export async function benchTransitions(count: number) {
  const bench = await openBenchDatabase('postgres');
  const outputPath = join(await mkdtemp(join(tmpdir(), 'vgw-out-')), 'out.mp4');
  await writeFile(outputPath, 'x');
  try {
    await queueVideos(bench.database, count);
    const workers = await makeWorkers([await bench.open(), await bench.open()], outputPath);
    const started = performance.now();
    await Promise.all(workers.map((worker) => worker.start()));
    await waitUntil(bench.database, async () => {
      const open = await bench.database.query(
        `select 1 from videos where status <> 'completed' limit 1`,
      );
      return open.rowCount === 0;
    });
    const seconds = (performance.now() - started) / 1000;
    await Promise.all(workers.map((worker) => worker.stop({ graceMs: 1000 })));
    const transitions = await bench.database.query<{ count: number }>(
      `select count(*)::int as count from video_events where type in ('started', 'completed')`,
    );
    const total = transitions.rows[0]?.count ?? 0;
    return {
      videos: count,
      transitions: total,
      seconds,
      transitionsPerSecond: Math.round(total / seconds),
    };
  } finally {
    await bench.dispose();
  }
}

/** How long after a dead worker's lease expires another worker picks the video up (db clock). */
export async function benchLeasePickup(samples: number, pollIntervalMs: number) {
  const bench = await openBenchDatabase('postgres');
  const outputPath = join(await mkdtemp(join(tmpdir(), 'vgw-out-')), 'out.mp4');
  await writeFile(outputPath, 'x');
  const delays: number[] = [];
  try {
    const [live] = (await makeWorkers([await bench.open()], outputPath, pollIntervalMs)) as [
      Worker,
    ];
    await live.start();
    for (let sample = 0; sample < samples; sample += 1) {
      // A random pause keeps the dead lease's expiry out of step with the live worker's polls.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * pollIntervalMs));
      await queueVideos(bench.database, 1);
      // The dead worker wins the race for the new video only if it claims first: stop the live
      // one from seeing it by claiming in the same breath, before any poll can run.
      const [claimed] = await claimDueVideos(bench.database, {
        workerId: 'dead',
        leaseSeconds: 1,
        limit: 1,
      });
      if (claimed == null) continue;
      await waitUntil(bench.database, async () => {
        const taken = await bench.database.query<{ ms: number }>(
          `select extract(epoch from (at - $2::timestamptz)) * 1000 as ms from video_events
           where type = 'lease_taken_over' and video_id = $1`,
          [claimed.id, claimed.leaseExpiresAt],
        );
        if (taken.rowCount > 0) delays.push(Number(taken.rows[0]?.ms));
        return taken.rowCount > 0;
      });
    }
    await live.stop({ graceMs: 1000 });
  } finally {
    await bench.dispose();
  }
  delays.sort((a, b) => a - b);
  return {
    samples: delays.length,
    pollIntervalMs,
    medianMs: Math.round(delays[Math.floor(delays.length / 2)] ?? NaN),
    maxMs: Math.round(delays.at(-1) ?? NaN),
  };
}
