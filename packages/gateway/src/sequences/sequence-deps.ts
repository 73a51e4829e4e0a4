import type { Database } from '../db/queryable.js';
import type { CompletedVideoMediaDeps } from '../generation/completed-video-media.js';

/** What the sequence use cases need: the database, the stored files and ffprobe for them. */
export interface SequenceDeps extends CompletedVideoMediaDeps {
  database: Database;
  newSequenceId: () => string;
}
