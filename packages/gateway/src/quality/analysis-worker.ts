// Entry of an analysis thread (started by analysis-pool.ts): loads opencv-js once, then measures
// the chunks it is sent, one at a time.
import { parentPort } from 'node:worker_threads';
import type { AnalysisChunk } from './analysis-pass.js';
import { analyseChunk } from './analysis-pass.js';
import { loadOpenCv } from './opencv-loader.js';

interface ChunkRequest {
  id: number;
  chunk: AnalysisChunk;
}

const port = parentPort;
if (port == null) throw new Error('analysis-worker.ts runs only as a worker thread');
const { cv } = await loadOpenCv();
port.on('message', (request: ChunkRequest) => {
  try {
    port.postMessage({ id: request.id, result: analyseChunk(cv, request.chunk) });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    port.postMessage({ id: request.id, error: message });
  }
});
port.postMessage({ ready: true });
