import { setTimeout as delay } from 'node:timers/promises';
import { scoreResultSchema } from '@vgw/gateway';
import type { ScoreResult } from '@vgw/gateway';
import type { SleepFunction, VideoScores } from '@vgw/sdk';
import type { ClientSession } from '../client/client-session.js';

/** What the gateway said about a video's automatic score. */
export type ServerScore =
  | { kind: 'scored'; result: ScoreResult }
  | { kind: 'failed'; code: string; message: string }
  /** Scoring is off on that gateway (or it predates scores): the bench scores the file itself. */
  | { kind: 'unavailable' };

export interface ServerScoreOptions {
  signal: AbortSignal;
  /** Give up waiting after this long; the run fails at `score` with code `timeout`. */
  timeoutMs: number;
  pollIntervalMs: number;
  now?: () => number;
  sleep?: SleepFunction;
}

export class ServerScoreTimeoutError extends Error {
  constructor(videoId: string, timeoutMs: number) {
    super(`the gateway had not scored ${videoId} after ${Math.round(timeoutMs / 1000)} s`);
    this.name = 'ServerScoreTimeoutError';
  }
}

function settled(scores: VideoScores): ServerScore | null {
  if (scores.status === 'disabled') return { kind: 'unavailable' };
  if (scores.status === 'failed') {
    const error = scores.error;
    return {
      kind: 'failed',
      code: error?.code ?? 'score_failed',
      message: error?.message ?? 'the gateway could not score this video',
    };
  }
  if (scores.status === 'completed' && scores.result != null) {
    // The gateway's JSON is an external input: a result that is not a ScoreResult is refused.
    return { kind: 'scored', result: scoreResultSchema.parse(scores.result) };
  }
  return null;
}

function isMissingRoute(error: unknown): boolean {
  return (error as { status?: unknown } | null)?.status === 404;
}

/**
 * Waits for the gateway's own score of a completed video, so the bench does not score it a
 * second time (an embedded or remote gateway with scoring on scores every completed video).
 */
export async function waitForServerScore(
  session: ClientSession,
  videoId: string,
  options: ServerScoreOptions,
): Promise<ServerScore> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms, signal) => delay(ms, undefined, { signal }));
  const deadline = now() + options.timeoutMs;
  for (;;) {
    let scores: VideoScores;
    try {
      scores = await session.client.videos.retrieveScores(videoId, { signal: options.signal });
    } catch (error) {
      // A gateway without the scores route answers 404 for a video it just returned.
      if (isMissingRoute(error)) return { kind: 'unavailable' };
      throw error;
    }
    const outcome = settled(scores);
    if (outcome != null) return outcome;
    if (now() >= deadline) throw new ServerScoreTimeoutError(videoId, options.timeoutMs);
    await sleep(options.pollIntervalMs, options.signal);
    options.signal.throwIfAborted();
  }
}
