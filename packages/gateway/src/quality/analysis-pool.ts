import { Worker } from 'node:worker_threads';
import type { AnalysisChunk, ChunkResult } from './analysis-pass.js';
import { analyseChunk } from './analysis-pass.js';
import { loadOpenCv } from './opencv-loader.js';
import { typescriptWorkerSource } from './typescript-worker-source.js';

/** Runs chunk analyses: on worker threads, or in this thread when one thread is asked for. */
export interface ChunkRunner {
  readonly threads: number;
  run(chunk: AnalysisChunk): Promise<ChunkResult>;
}

const inProcess: ChunkRunner = {
  threads: 1,
  async run(chunk) {
    const { cv } = await loadOpenCv();
    return analyseChunk(cv, chunk);
  },
};

interface Task {
  id: number;
  chunk: AnalysisChunk;
  resolve: (result: ChunkResult) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  ready: boolean;
  task: Task | null;
}

type Reply = { ready: true } | { id: number; result: ChunkResult } | { id: number; error: string };

/** Null when tsx cannot be found: then chunks run in this thread rather than failing the score. */
function workerSource(): string | null {
  try {
    return typescriptWorkerSource(new URL('./analysis-worker.ts', import.meta.url));
  } catch {
    return null;
  }
}

/**
 * A fixed set of threads, each with its own opencv-js (≈0.3–0.5 s to start, once per process);
 * idle threads are unref'd so they never keep the process alive.
 */
class WorkerPool implements ChunkRunner {
  private readonly pool: Thread[] = [];
  private readonly queue: Task[] = [];
  private nextId = 0;

  constructor(
    readonly threads: number,
    private readonly source: string,
  ) {}

  run(chunk: AnalysisChunk): Promise<ChunkResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, chunk, resolve, reject });
      while (this.pool.length < this.threads) this.pool.push(this.start());
      this.dispatch();
    });
  }

  private start(): Thread {
    const thread: Thread = {
      worker: new Worker(this.source, { eval: true }),
      ready: false,
      task: null,
    };
    thread.worker.on('message', (reply: Reply) => this.receive(thread, reply));
    thread.worker.on('error', (error) => this.lose(thread, error));
    thread.worker.on('exit', (code) =>
      this.lose(thread, new Error(`analysis thread exited ${code}`)),
    );
    return thread;
  }

  private dispatch(): void {
    for (const thread of this.pool) {
      if (!thread.ready || thread.task != null) continue;
      const task = this.queue.shift();
      if (task == null) {
        thread.worker.unref();
        continue;
      }
      thread.task = task;
      thread.worker.ref();
      thread.worker.postMessage({ id: task.id, chunk: task.chunk });
    }
  }

  private receive(thread: Thread, reply: Reply): void {
    if ('ready' in reply) {
      thread.ready = true;
    } else if (thread.task != null && thread.task.id === reply.id) {
      const task = thread.task;
      thread.task = null;
      if ('error' in reply) task.reject(new Error(`chunk analysis failed: ${reply.error}`));
      else task.resolve(reply.result);
    }
    this.dispatch();
  }

  /** A thread that died fails its chunk; with no thread left, everything queued fails too. */
  private lose(thread: Thread, error: Error): void {
    const position = this.pool.indexOf(thread);
    if (position < 0) return;
    this.pool.splice(position, 1);
    thread.task?.reject(error);
    if (this.pool.length === 0) for (const task of this.queue.splice(0)) task.reject(error);
  }
}

const pools = new Map<number, WorkerPool>();

/** The runner for `threads` (one pool per count, kept for the life of the process). */
export function chunkRunner(threads: number): ChunkRunner {
  if (threads <= 1) return inProcess;
  const existing = pools.get(threads);
  if (existing != null) return existing;
  const source = workerSource();
  if (source == null) return inProcess;
  const pool = new WorkerPool(threads, source);
  pools.set(threads, pool);
  return pool;
}
