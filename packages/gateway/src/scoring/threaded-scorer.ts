import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { VideoQualityError, type QualityErrorCode } from '../quality/quality-error.js';
import type { ScoreVideoOptions } from '../quality/score-video.js';
import { typescriptWorkerSource } from '../quality/typescript-worker-source.js';
import type { ScoreFile } from './score-video-job.js';

export type ScorerOptions = Omit<ScoreVideoOptions, 'file'>;

/** Thrown when the score was stopped (lease lost, shutdown, timeout) and its thread ended. */
export class ScoringAbortedError extends Error {
  override name = 'ScoringAbortedError';
}

// The error form first: an object schema would let `{ error }` through as a result-less reply.
const replySchema = z.union([
  z.object({
    error: z.object({ name: z.string(), code: z.string().nullable(), message: z.string() }),
  }),
  z.object({ result: z.record(z.string(), z.unknown()) }),
]);

function toError(reply: { name: string; code: string | null; message: string }): Error {
  if (reply.name === 'VideoQualityError' && reply.code != null) {
    return new VideoQualityError(reply.code as QualityErrorCode, reply.message);
  }
  const error = new Error(reply.message);
  error.name = reply.name;
  return error;
}

/**
 * Scores each file in a thread of its own: the CPU-bound flow analysis never blocks the event
 * loop that serves the API and the video worker's status checks, and an aborted score is
 * stopped at once (the thread is terminated; its ffmpeg loses its pipe and exits).
 */
export function threadedScorer(options: ScorerOptions): ScoreFile {
  // Unlike the analysis pool, no in-thread fallback: scores must stay off the event loop.
  const source = typescriptWorkerSource(new URL('./score-thread.ts', import.meta.url));
  return (file, signal) =>
    new Promise<unknown>((resolve, reject) => {
      if (signal.aborted) {
        reject(new ScoringAbortedError('scoring was stopped before it started'));
        return;
      }
      const worker = new Worker(source, { eval: true, workerData: { ...options, file } });
      const onAbort = () => {
        reject(new ScoringAbortedError('scoring was stopped'));
        void worker.terminate();
      };
      signal.addEventListener('abort', onAbort, { once: true });
      const settle = (outcome: () => void) => {
        signal.removeEventListener('abort', onAbort);
        outcome();
        void worker.terminate();
      };
      worker.on('message', (message: unknown) => {
        const reply = replySchema.safeParse(message);
        if (!reply.success) {
          settle(() => reject(new Error('scoring thread sent an unknown reply')));
          return;
        }
        const data = reply.data;
        if ('error' in data) {
          const failure = toError(data.error);
          settle(() => reject(failure));
        } else {
          const result = data.result;
          settle(() => resolve(result));
        }
      });
      worker.on('error', (error) => settle(() => reject(error)));
      worker.on('exit', (code) =>
        settle(() => reject(new Error(`scoring thread exited with code ${code}`))),
      );
    });
}
