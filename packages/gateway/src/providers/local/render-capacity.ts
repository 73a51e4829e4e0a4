import { EngineBusyError } from '@vgw/spec';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { jobFiles } from './job-files.js';
import { readOptionalText } from './job-directory.js';
import { localProviderName } from './local-models.js';
import { isProcessAlive, isRenderProcess } from './process-control.js';

/** How long a start waits before it asks again when every render slot is taken. */
export const busyRetryAfterMs = 2000;

/**
 * Bounds the renders running at once on this work directory. Renders are detached and outlive
 * the worker that started them (ADR 0002), so a worker's concurrency does not bound them: the
 * count comes from the job directories themselves (a pid file, no exit file, the process still
 * ours), plus the renders this process spawned a moment ago whose shell has not yet written its
 * pid file. Starts in one process are serialised, so the bound is exact per process; two
 * processes sharing the directory may overshoot it by one start each at the same instant.
 */
export interface RenderCapacity {
  /** Runs `spawn` if a slot is free (the job itself excluded), else throws EngineBusyError. */
  startWithin<Started extends { pid: number }>(
    jobDir: string,
    spawn: () => Promise<Started>,
  ): Promise<Started>;
  /** Live renders now (for logs and tests). */
  countLive(): Promise<number>;
}

async function isLiveJob(jobDir: string): Promise<boolean> {
  // Ended, or being killed (cancel, timeout): either way its slot is free.
  for (const name of [jobFiles.exit, jobFiles.stopped]) {
    if ((await readOptionalText(jobDir, name).catch(() => null)) != null) return false;
  }
  const pid = Number.parseInt((await readOptionalText(jobDir, jobFiles.pid).catch(() => '')) ?? '');
  return Number.isInteger(pid) && pid > 0 && (await isRenderProcess(pid, jobDir));
}

async function jobDirectories(workDir: string): Promise<string[]> {
  try {
    const entries = await readdir(workDir, { withFileTypes: true });
    return entries.filter((entry) => entry.isDirectory()).map((entry) => join(workDir, entry.name));
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return [];
    throw error;
  }
}

export function createRenderCapacity(workDir: string, maxConcurrent: number): RenderCapacity {
  if (!Number.isInteger(maxConcurrent) || maxConcurrent < 1) {
    throw new RangeError('maxConcurrentRenders must be a positive integer');
  }
  /** Spawned by this process: job directory → pid, until the directory shows it itself. */
  const recent = new Map<string, number>();
  let queue: Promise<unknown> = Promise.resolve();

  async function liveJobs(): Promise<Set<string>> {
    const live = new Set<string>();
    for (const jobDir of await jobDirectories(workDir)) {
      if (await isLiveJob(jobDir)) live.add(jobDir);
    }
    for (const [jobDir, pid] of recent) {
      if (live.has(jobDir)) {
        recent.delete(jobDir);
        continue;
      }
      const pidFile = await readOptionalText(jobDir, jobFiles.pid).catch(() => null);
      if (pidFile == null) {
        // Our own child a moment ago: alive is enough (its cwd may not be the job's yet).
        if (isProcessAlive(pid)) live.add(jobDir);
        else recent.delete(jobDir);
        continue;
      }
      // The pid file appeared after the scan above read the directory: judge it now, or a
      // render written down between the two looks would be counted by neither.
      recent.delete(jobDir);
      if (await isLiveJob(jobDir)) live.add(jobDir);
    }
    return live;
  }

  async function admit<Started extends { pid: number }>(
    jobDir: string,
    spawn: () => Promise<Started>,
  ): Promise<Started> {
    const live = await liveJobs();
    live.delete(jobDir);
    if (live.size >= maxConcurrent) {
      throw new EngineBusyError(
        localProviderName,
        `all ${maxConcurrent} render slots are busy (engines.local.maxConcurrentRenders)`,
        busyRetryAfterMs,
      );
    }
    const started = await spawn();
    recent.set(jobDir, started.pid);
    return started;
  }

  return {
    startWithin(jobDir, spawn) {
      const turn = queue.then(() => admit(jobDir, spawn));
      queue = turn.catch(() => undefined);
      return turn;
    },
    countLive: async () => (await liveJobs()).size,
  };
}
