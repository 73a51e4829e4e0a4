import { join } from 'node:path';
import type { BenchRun } from '@vgw/gateway';
import type { BinaryPaths } from '../scoring/score-local-file.js';
import { scoreLocalFile } from '../scoring/score-local-file.js';

export interface ScoreEnvironment {
  binaries: BinaryPaths;
  outDir: string;
  signal: AbortSignal;
}

/** Scores a completed run's MP4; a clip the metrics cannot read fails the run at `score`. */
export async function scoreBenchRun(
  environment: ScoreEnvironment,
  run: BenchRun,
): Promise<BenchRun> {
  if (run.status !== 'completed' || run.files == null) return run;
  try {
    const file = join(environment.outDir, run.files.video);
    const score = await scoreLocalFile(environment.binaries, run.files.video, file);
    return { ...run, score };
  } catch (error) {
    if (environment.signal.aborted) throw error;
    const message = error instanceof Error ? error.message : String(error);
    return { ...run, status: 'failed', failure: { stage: 'score', code: 'unscorable', message } };
  }
}

/**
 * Scores runs one after another as renders hand them over: each score keeps a core busy
 * (opencv-js is single-threaded) while the other renders go on beside it.
 */
export function sequentialScorer(
  environment: ScoreEnvironment,
): (run: BenchRun) => Promise<BenchRun> {
  let queue: Promise<unknown> = Promise.resolve();
  return (run) => {
    const scored = queue.then(() => scoreBenchRun(environment, run));
    queue = scored.catch(() => {});
    return scored;
  };
}
