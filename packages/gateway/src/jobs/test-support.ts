import type { Queryable } from '../db/queryable.js';
import { insertVideo } from '../db/videos-repository.js';
import type { WorkerLogger } from './worker-options.js';

/** Fixtures for the jobs tests (kept out of *.test.ts so every jobs test shares them). */

export async function addVideos(client: Queryable, ids: string[]): Promise<void> {
  await client.query(
    `insert into projects (id, name) values ('proj_1', 'p') on conflict do nothing`,
  );
  for (const id of ids) {
    await insertVideo(client, {
      id,
      projectId: 'proj_1',
      model: 'fake-1',
      provider: 'fake',
      prompt: 'a cat',
      seconds: 4,
      size: '1280x720',
      fps: 24,
      seed: null,
      inputReference: null,
      providerOptions: {},
      remixedFromVideoId: null,
      startKey: `start_${id}`,
      warnings: [],
      deadlineSeconds: 3600,
      idempotencyKey: null,
      requestHash: null,
    });
  }
}

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  fields: object;
  message: string;
}

export function recordingLogger(): WorkerLogger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  return {
    entries,
    info: (fields, message) => entries.push({ level: 'info', fields, message }),
    warn: (fields, message) => entries.push({ level: 'warn', fields, message }),
    error: (fields, message) => entries.push({ level: 'error', fields, message }),
  };
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}
