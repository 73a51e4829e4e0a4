// `npm run bench -- score-throughput`: K clips scored one after another in one process vs spread
// over one process per core, each scoring its share one after another.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bundledBinaryPaths } from '../packages/gateway/src/media/bundled-binaries.js';
import { makeClip } from './score-clips.js';

export interface ChildReport {
  scoredMs: number;
  peakRssMb: number;
  frames: number[];
}

/** Runs bench/score-child.ts under the same tsx loader as this process. */
export function scoreInChild(threads: number, files: string[], cold = false): Promise<ChildReport> {
  const flags = cold ? ['--cold'] : [];
  const child = spawn(
    process.execPath,
    [...process.execArgv, 'bench/score-child.ts', ...flags, String(threads), ...files],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`score-child exited ${code}`));
      else resolve(JSON.parse(output.trim().split('\n').pop() ?? '') as ChildReport);
    });
  });
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/**
 * Clips per second while scoring (each process first loads tsx and opencv-js and scores one clip
 * untimed, as a long-running worker would be warm); `threads` is what each scoreVideo gets.
 * Also the wall time from spawning to the last exit, start-up included.
 */
export async function benchScoreThroughput(clips: number) {
  const { ffmpegPath } = bundledBinaryPaths();
  const cores = availableParallelism();
  const directory = await mkdtemp(join(tmpdir(), 'vgw-score-throughput-'));
  try {
    const files = Array.from({ length: clips }, (_, index) =>
      makeClip(ffmpegPath, directory, {
        name: `clip${index}`,
        width: 1280,
        height: 720,
        seconds: 5,
        fps: 24,
      }),
    );
    const shares = Array.from({ length: cores }, (_, core) =>
      files.filter((_, index) => index % cores === core),
    );
    const modes = [
      { mode: 'one process, 1 thread', run: () => scoreInChild(1, files) },
      { mode: `one process, ${cores} threads`, run: () => scoreInChild(cores, files) },
      {
        mode: `${cores} processes, 1 thread each`,
        run: () => Promise.all(shares.map((share) => scoreInChild(1, share))),
      },
    ];
    const rows = [];
    for (const { mode, run } of modes) {
      let reports: ChildReport[] = [];
      const ms = await timed(async () => {
        const outcome = await run();
        reports = Array.isArray(outcome) ? outcome : [outcome];
      });
      // The processes score side by side once started; the slowest one sets the pace.
      const scoringMs = Math.max(...reports.map((report) => report.scoredMs));
      rows.push({
        mode,
        clips,
        wallSecondsWithStart: Number((ms / 1000).toFixed(2)),
        scoringSeconds: Number((scoringMs / 1000).toFixed(2)),
        clipsPerSecond: clips / (scoringMs / 1000),
      });
    }
    const base = rows[0]?.clipsPerSecond ?? 1;
    return rows.map((row) => ({
      ...row,
      clipsPerSecond: Number(row.clipsPerSecond.toFixed(3)),
      speedup: Number((row.clipsPerSecond / base).toFixed(2)),
    }));
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
