import type { Queryable } from './queryable.js';
import { toVideoRecord, type VideoRecord, type VideoRow } from './video-record.js';

/** One cut of a video: `[in, out)` in the video's own frames, on video track `track` (from 1). */
export interface SequenceClip {
  videoId: string;
  in: number;
  out: number;
  track: number;
}

export interface SequenceRecord {
  id: string;
  projectId: string;
  name: string;
  rate: { numerator: number; denominator: number };
  timecode: 'NDF' | 'DF';
  width: number;
  height: number;
  /** The label of the first frame, `HH:MM:SS:FF` (colons whatever the mode). */
  startTimecode: string;
  clips: SequenceClip[];
  createdAt: Date;
  updatedAt: Date;
}

export type SequenceFields = Omit<SequenceRecord, 'id' | 'projectId' | 'createdAt' | 'updatedAt'>;

interface StoredClip {
  video_id: string;
  in: number;
  out: number;
  track: number;
}

interface SequenceRow {
  id: string;
  project_id: string;
  name: string;
  rate_numerator: number;
  rate_denominator: number;
  timecode: 'NDF' | 'DF';
  width: number;
  height: number;
  start_timecode: string;
  clips: StoredClip[];
  created_at: Date;
  updated_at: Date;
}

function fromRow(row: SequenceRow): SequenceRecord {
  return {
    id: row.id,
    projectId: row.project_id,
    name: row.name,
    rate: { numerator: row.rate_numerator, denominator: row.rate_denominator },
    timecode: row.timecode,
    width: row.width,
    height: row.height,
    startTimecode: row.start_timecode,
    clips: row.clips.map((clip) => ({
      videoId: clip.video_id,
      in: clip.in,
      out: clip.out,
      track: clip.track,
    })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function storedClips(clips: readonly SequenceClip[]): string {
  return JSON.stringify(
    clips.map((clip) => ({
      video_id: clip.videoId,
      in: clip.in,
      out: clip.out,
      track: clip.track,
    })),
  );
}

function fieldParams(fields: SequenceFields): unknown[] {
  return [
    fields.name,
    fields.rate.numerator,
    fields.rate.denominator,
    fields.timecode,
    fields.width,
    fields.height,
    fields.startTimecode,
    storedClips(fields.clips),
  ];
}

export async function insertSequence(
  client: Queryable,
  sequence: { id: string; projectId: string } & SequenceFields,
): Promise<SequenceRecord> {
  const result = await client.query<SequenceRow>(
    `insert into sequences (id, project_id, name, rate_numerator, rate_denominator, timecode,
       width, height, start_timecode, clips)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb)
     returning *`,
    [sequence.id, sequence.projectId, ...fieldParams(sequence)],
  );
  return fromRow(result.rows[0] as SequenceRow);
}

/** `forUpdate` locks the row for the caller's transaction (a read-modify-write such as append). */
export async function findSequence(
  client: Queryable,
  projectId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<SequenceRecord | null> {
  const lock = options.forUpdate === true ? ' for update' : '';
  const result = await client.query<SequenceRow>(
    `select * from sequences where id = $1 and project_id = $2 and deleted_at is null${lock}`,
    [id, projectId],
  );
  const row = result.rows[0];
  return row != null ? fromRow(row) : null;
}

/** Replaces every field at once (the use case validated the whole result); null if gone. */
export async function updateSequence(
  client: Queryable,
  projectId: string,
  id: string,
  fields: SequenceFields,
): Promise<SequenceRecord | null> {
  const result = await client.query<SequenceRow>(
    `update sequences set name = $3, rate_numerator = $4, rate_denominator = $5, timecode = $6,
       width = $7, height = $8, start_timecode = $9, clips = $10::jsonb, updated_at = now()
     where id = $1 and project_id = $2 and deleted_at is null
     returning *`,
    [id, projectId, ...fieldParams(fields)],
  );
  const row = result.rows[0];
  return row != null ? fromRow(row) : null;
}

/** Soft delete: the row stays, so a deleted id is still a valid list cursor. */
export async function deleteSequence(
  client: Queryable,
  projectId: string,
  id: string,
): Promise<boolean> {
  const result = await client.query(
    `update sequences set deleted_at = now()
     where id = $1 and project_id = $2 and deleted_at is null`,
    [id, projectId],
  );
  return result.rowCount > 0;
}

export interface ListSequencesQuery {
  projectId: string;
  after: string | null;
  limit: number;
  order: 'asc' | 'desc';
}

/** Keyset pagination on (created_at, id), as the videos list; one extra row says `hasMore`. */
export async function listSequences(
  client: Queryable,
  query: ListSequencesQuery,
): Promise<{ sequences: SequenceRecord[]; hasMore: boolean; cursorFound: boolean }> {
  if (query.after != null) {
    const cursor = await client.query('select 1 from sequences where id = $1 and project_id = $2', [
      query.after,
      query.projectId,
    ]);
    if (cursor.rows.length === 0) return { sequences: [], hasMore: false, cursorFound: false };
  }
  const comparison = query.order === 'asc' ? '>' : '<';
  const direction = query.order === 'asc' ? 'asc' : 'desc';
  const result = await client.query<SequenceRow>(
    `select s.* from sequences s
     where s.project_id = $1 and s.deleted_at is null
       and ($2::text is null or (s.created_at, s.id) ${comparison}
         (select created_at, id from sequences where id = $2 and project_id = $1))
     order by s.created_at ${direction}, s.id ${direction}
     limit $3`,
    [query.projectId, query.after, query.limit + 1],
  );
  const rows = result.rows.map(fromRow);
  return {
    sequences: rows.slice(0, query.limit),
    hasMore: rows.length > query.limit,
    cursorFound: true,
  };
}

/** The project's videos among `ids`, deleted ones included and flagged, so a clip can say which. */
export async function findClipVideos(
  client: Queryable,
  projectId: string,
  ids: readonly string[],
): Promise<Map<string, VideoRecord & { deleted: boolean }>> {
  if (ids.length === 0) return new Map();
  const result = await client.query<VideoRow & { deleted_at: Date | null }>(
    'select * from videos where project_id = $1 and id = any($2::text[])',
    [projectId, [...new Set(ids)]],
  );
  return new Map(
    result.rows.map((row) => [row.id, { ...toVideoRecord(row), deleted: row.deleted_at != null }]),
  );
}
