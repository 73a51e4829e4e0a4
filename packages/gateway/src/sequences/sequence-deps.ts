import { randomBytes } from 'node:crypto';
import type { Database } from '../db/queryable.js';
import type { CompletedVideoMediaDeps } from '../generation/completed-video-media.js';

/** What the sequence use cases need: the database, the stored files and ffprobe for them. */
export interface SequenceDeps extends CompletedVideoMediaDeps {
  database: Database;
  newSequenceId: () => string;
}

/** `seq_` and 128 random bits in hex, the shape of every id vgw hands out. */
export function randomSequenceId(): string {
  return `seq_${randomBytes(16).toString('hex')}`;
}
