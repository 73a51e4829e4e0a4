import type { Queryable } from './queryable.js';
import {
  storyboardColumns,
  toStoryboardRecord,
  type StoryboardRecord,
  type StoryboardRow,
  type StoryboardSpec,
} from './storyboard-record.js';

/** Notified when a storyboard is created, so an idle storyboard worker takes it at once. */
export const storyboardsDueChannel = 'vgw_storyboards_due';

export interface NewStoryboard {
  id: string;
  projectId: string;
  apiKeyId: string | null;
  name: string | null;
  spec: StoryboardSpec;
  estimateMicroUsd: number;
  idempotencyKey: string | null;
  requestHash: string;
}

/** The storyboard and one row per shot, in the caller's transaction. */
export async function insertStoryboard(
  client: Queryable,
  storyboard: NewStoryboard,
): Promise<void> {
  await client.query(
    `insert into storyboards (id, project_id, api_key_id, name, spec, estimate_micro_usd,
       idempotency_key, request_hash)
     values ($1, $2, $3, $4, $5::jsonb, $6, $7, $8)`,
    [
      storyboard.id,
      storyboard.projectId,
      storyboard.apiKeyId,
      storyboard.name,
      JSON.stringify(storyboard.spec),
      storyboard.estimateMicroUsd,
      storyboard.idempotencyKey,
      storyboard.requestHash,
    ],
  );
  await client.query(
    `insert into storyboard_shots (storyboard_id, shot_index)
     select $1, generate_series(0, $2::integer - 1)`,
    [storyboard.id, storyboard.spec.shots.length],
  );
  await client.query(`select pg_notify($1, $2)`, [storyboardsDueChannel, storyboard.id]);
}

export async function findStoryboard(
  client: Queryable,
  projectId: string,
  id: string,
): Promise<StoryboardRecord | null> {
  const result = await client.query<StoryboardRow>(
    `select ${storyboardColumns} from storyboards s where s.id = $1 and s.project_id = $2`,
    [id, projectId],
  );
  const row = result.rows[0];
  return row != null ? toStoryboardRecord(row) : null;
}

/** The storyboard a create with this Idempotency-Key made, with the digest of its body. */
export async function findStoryboardByIdempotencyKey(
  client: Queryable,
  projectId: string,
  idempotencyKey: string,
): Promise<{ storyboard: StoryboardRecord; requestHash: string | null } | null> {
  const result = await client.query<StoryboardRow & { request_hash: string | null }>(
    `select ${storyboardColumns} from storyboards s
     where s.project_id = $1 and s.idempotency_key = $2`,
    [projectId, idempotencyKey],
  );
  const row = result.rows[0];
  return row != null
    ? { storyboard: toStoryboardRecord(row), requestHash: row.request_hash }
    : null;
}

/** The worker's read: no project scope, the claim already chose the row. */
export async function findStoryboardById(
  client: Queryable,
  id: string,
): Promise<StoryboardRecord | null> {
  const result = await client.query<StoryboardRow>(
    `select ${storyboardColumns} from storyboards s where s.id = $1`,
    [id],
  );
  const row = result.rows[0];
  return row != null ? toStoryboardRecord(row) : null;
}

export interface ListStoryboardsQuery {
  projectId: string;
  after: string | null;
  limit: number;
  order: 'asc' | 'desc';
}

/** Keyset pagination on (created_at, id), as the video list. */
export async function listStoryboards(
  client: Queryable,
  query: ListStoryboardsQuery,
): Promise<{ storyboards: StoryboardRecord[]; hasMore: boolean; cursorFound: boolean }> {
  if (query.after != null) {
    const cursor = await client.query(
      'select 1 from storyboards where id = $1 and project_id = $2',
      [query.after, query.projectId],
    );
    if (cursor.rows.length === 0) return { storyboards: [], hasMore: false, cursorFound: false };
  }
  const comparison = query.order === 'asc' ? '>' : '<';
  const direction = query.order === 'asc' ? 'asc' : 'desc';
  const result = await client.query<StoryboardRow>(
    `select ${storyboardColumns} from storyboards s
     where s.project_id = $1
       and ($2::text is null or (s.created_at, s.id) ${comparison}
         (select created_at, id from storyboards where id = $2 and project_id = $1))
     order by s.created_at ${direction}, s.id ${direction}
     limit $3`,
    [query.projectId, query.after, query.limit + 1],
  );
  const rows = result.rows.map(toStoryboardRecord);
  return {
    storyboards: rows.slice(0, query.limit),
    hasMore: rows.length > query.limit,
    cursorFound: true,
  };
}

/** A shot's video as the storyboard worker reads it; `deleted` where the video was deleted. */
export interface ShotVideo {
  index: number;
  videoId: string;
  status: 'queued' | 'in_progress' | 'completed' | 'failed' | 'deleted';
  error: { code: string; message: string } | null;
  actualMicroUsd: number | null;
}

export async function findShotVideos(
  client: Queryable,
  storyboardId: string,
): Promise<ShotVideo[]> {
  const result = await client.query<{
    shot_index: number;
    video_id: string;
    status: ShotVideo['status'];
    error: { code?: string; message?: string } | null;
    actual_micro_usd: string | number | null;
  }>(
    `select sh.shot_index, v.id as video_id, v.error, v.actual_micro_usd,
       case when v.deleted_at is not null then 'deleted' else v.status end as status
     from storyboard_shots sh join videos v on v.id = sh.video_id
     where sh.storyboard_id = $1 order by sh.shot_index`,
    [storyboardId],
  );
  return result.rows.map((row) => ({
    index: row.shot_index,
    videoId: row.video_id,
    status: row.status,
    error:
      row.error != null
        ? { code: row.error.code ?? 'unknown', message: row.error.message ?? '' }
        : null,
    actualMicroUsd: row.actual_micro_usd != null ? Number(row.actual_micro_usd) : null,
  }));
}
