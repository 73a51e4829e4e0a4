import { join } from 'node:path';
import type { ClientSession } from '../client/client-session.js';
import type { BinaryPaths } from '../scoring/score-local-file.js';
import { scoreLocalFile } from '../scoring/score-local-file.js';
import type { BenchFailure, BenchRun } from './leaderboard/bench-run.js';
import { ServerScoreTimeoutError, waitForServerScore } from './server-scores.js';

export interface ScoreEnvironment {
  binaries: BinaryPaths;
  outDir: string;
  signal: AbortSignal;
}

export interface ScoreSource {
  session: ClientSession;
  /** How long to wait for the gateway's own score of one video. */
  timeoutMs: number;
}

const defaultScorePollMs = 1000;

function failed(run: BenchRun, code: string, error: unknown): BenchRun {
  const message = error instanceof Error ? error.message : String(error);
  const failure: BenchFailure = { stage: 'score', code, message };
  return { ...run, status: 'failed', failure };
}

async function scoreDownloadedFile(environment: ScoreEnvironment, run: BenchRun, video: string) {
  try {
    const score = await scoreLocalFile(
      environment.binaries,
      video,
      join(environment.outDir, video),
    );
    return { ...run, score, scoredBy: 'bench' as const };
  } catch (error) {
    if (environment.signal.aborted) throw error;
    return failed(run, 'unscorable', error);
  }
}

/**
 * Takes the gateway's automatic score of a completed run when it has one (so the clip is not
 * scored twice), and scores the downloaded MP4 itself where the gateway does not score.
 */
export async function scoreBenchRun(
  environment: ScoreEnvironment,
  source: ScoreSource,
  run: BenchRun,
): Promise<BenchRun> {
  if (run.status !== 'completed' || run.files == null) return run;
  if (run.videoId != null) {
    try {
      const server = await waitForServerScore(source.session, run.videoId, {
        signal: environment.signal,
        timeoutMs: source.timeoutMs,
        pollIntervalMs: source.session.pollIntervalMs ?? defaultScorePollMs,
      });
      if (server.kind === 'scored') return { ...run, score: server.result, scoredBy: 'gateway' };
      if (server.kind === 'failed') return failed(run, server.code, new Error(server.message));
    } catch (error) {
      if (environment.signal.aborted) throw error;
      return failed(run, error instanceof ServerScoreTimeoutError ? 'timeout' : 'error', error);
    }
  }
  return scoreDownloadedFile(environment, run, run.files.video);
}

/**
 * Scores runs one after another as renders hand them over: each score keeps a core busy
 * (opencv-js is single-threaded) while the other renders go on beside it.
 */
export function sequentialScorer(
  environment: ScoreEnvironment,
  source: ScoreSource,
): (run: BenchRun) => Promise<BenchRun> {
  let queue: Promise<unknown> = Promise.resolve();
  return (run) => {
    const scored = queue.then(() => scoreBenchRun(environment, source, run));
    queue = scored.catch(() => {});
    return scored;
  };
}
