// Entry of a scoring thread (started by threaded-scorer.ts): scores one file with the options in
// workerData and posts the result, or the error's name, code and message, back.
import { parentPort, workerData } from 'node:worker_threads';
import { VideoQualityError } from '../quality/quality-error.js';
import { scoreVideo, type ScoreVideoOptions } from '../quality/score-video.js';

const port = parentPort;
if (port == null) throw new Error('score-thread.ts runs only as a worker thread');
try {
  port.postMessage({ result: await scoreVideo(workerData as ScoreVideoOptions) });
} catch (error) {
  port.postMessage({
    error: {
      name: error instanceof Error ? error.name : 'Error',
      code: error instanceof VideoQualityError ? error.code : null,
      message: error instanceof Error ? error.message : String(error),
    },
  });
}
