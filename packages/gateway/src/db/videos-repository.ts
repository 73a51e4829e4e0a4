import type { Queryable } from './queryable.js';
import {
  toVideoRecord,
  type CostBasis,
  type StoredImage,
  type VideoRecord,
  type VideoRow,
} from './video-record.js';

/**
 * Notified when a video becomes due now (created, or brought forward by a webhook), so an idle
 * worker claims it at once instead of at its next poll.
 */
export const videosDueChannel = 'vgw_videos_due';

export type NewVideo = Pick<
  VideoRecord,
  | 'id'
  | 'projectId'
  | 'model'
  | 'provider'
  | 'prompt'
  | 'seconds'
  | 'size'
  | 'fps'
  | 'seed'
  | 'inputReference'
  | 'providerOptions'
  | 'remixedFromVideoId'
  | 'startKey'
  | 'warnings'
  | 'idempotencyKey'
  | 'requestHash'
  | 'apiKeyId'
  | 'route'
  | 'routePlan'
  | 'targetOptions'
> & {
  /** The first attempt's estimate, reserved in the ledger by the same statement. */
  estimateMicroUsd: number;
  costBasis: CostBasis;
  deadlineSeconds: number;
  /** Wakes idle workers in the same statement (NOTIFY is delivered on commit). */
  notifyChannel?: string;
};

/**
 * Inserts a queued video, its `created` event, its first attempt (row and ledger reservation)
 * and the wake-up in one statement; due at once.
 */
export async function insertVideo(client: Queryable, video: NewVideo): Promise<VideoRecord> {
  const result = await client.query<VideoRow>(
    `with inserted as (
       insert into videos (id, project_id, model, provider, status, prompt, seconds, size, fps,
         seed, input_reference, provider_options, remixed_from_video_id, start_key, warnings,
         next_check_at, deadline_at, idempotency_key, request_hash, api_key_id,
         estimate_micro_usd, cost_basis, route, route_plan, target_options)
       values ($1, $2, $3, $4, 'queued', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, now(),
         now() + make_interval(secs => $15), $16, $17, $19, $20, $21, $22, $23::jsonb, $24::jsonb)
       returning *),
     event as (
       insert into video_events (video_id, actor, type, to_status, detail)
       select id, 'api', 'created', 'queued',
         jsonb_strip_nulls(jsonb_build_object('model', model, 'route', route))
       from inserted),
     first_attempt as (
       insert into video_attempts (video_id, number, model, provider, estimate_micro_usd)
       select id, 1, model, provider, estimate_micro_usd from inserted),
     reserved as (
       insert into ledger_entries (project_id, api_key_id, video_id, attempt, kind,
         amount_micro_usd, basis)
       select project_id, api_key_id, id, 1, 'reserve', estimate_micro_usd, cost_basis
       from inserted)
     select i.* from inserted i
     cross join lateral (select case when $18::text is not null then pg_notify($18, i.id) end) woken`,
    [
      video.id,
      video.projectId,
      video.model,
      video.provider,
      video.prompt,
      video.seconds,
      video.size,
      video.fps,
      video.seed,
      video.inputReference != null ? JSON.stringify(video.inputReference) : null,
      JSON.stringify(video.providerOptions),
      video.remixedFromVideoId,
      video.startKey,
      JSON.stringify(video.warnings),
      video.deadlineSeconds,
      video.idempotencyKey,
      video.requestHash,
      video.notifyChannel ?? null,
      video.apiKeyId,
      video.estimateMicroUsd,
      video.costBasis,
      video.route,
      video.routePlan != null ? JSON.stringify(video.routePlan) : null,
      JSON.stringify(video.targetOptions),
    ],
  );
  return toVideoRecord(result.rows[0] as VideoRow);
}

export async function findVideo(
  client: Queryable,
  projectId: string,
  id: string,
): Promise<VideoRecord | null> {
  const result = await client.query<VideoRow>(
    'select * from videos where id = $1 and project_id = $2 and deleted_at is null',
    [id, projectId],
  );
  const row = result.rows[0];
  return row != null ? toVideoRecord(row) : null;
}

/** Includes deleted videos: a key stays spent after its video is deleted. */
export async function findVideoByIdempotencyKey(
  client: Queryable,
  projectId: string,
  idempotencyKey: string,
): Promise<(VideoRecord & { deleted: boolean }) | null> {
  const result = await client.query<VideoRow & { deleted_at: Date | null }>(
    'select * from videos where project_id = $1 and idempotency_key = $2',
    [projectId, idempotencyKey],
  );
  const row = result.rows[0];
  return row != null ? { ...toVideoRecord(row), deleted: row.deleted_at != null } : null;
}

export interface ListVideosQuery {
  projectId: string;
  after: string | null;
  limit: number;
  order: 'asc' | 'desc';
}

/**
 * Keyset pagination on (created_at, id); fetches one extra row to know `has_more`. `cursorFound`
 * is false when `after` names no video of the project (deleted ones still count as cursors).
 */
export async function listVideos(
  client: Queryable,
  query: ListVideosQuery,
): Promise<{ videos: VideoRecord[]; hasMore: boolean; cursorFound: boolean }> {
  if (query.after != null) {
    const cursor = await client.query('select 1 from videos where id = $1 and project_id = $2', [
      query.after,
      query.projectId,
    ]);
    if (cursor.rows.length === 0) return { videos: [], hasMore: false, cursorFound: false };
  }
  const comparison = query.order === 'asc' ? '>' : '<';
  const direction = query.order === 'asc' ? 'asc' : 'desc';
  const result = await client.query<VideoRow>(
    `select v.* from videos v
     where v.project_id = $1 and v.deleted_at is null
       and ($2::text is null or (v.created_at, v.id) ${comparison}
         (select created_at, id from videos where id = $2 and project_id = $1))
     order by v.created_at ${direction}, v.id ${direction}
     limit $3`,
    [query.projectId, query.after, query.limit + 1],
  );
  const rows = result.rows.map(toVideoRecord);
  return {
    videos: rows.slice(0, query.limit),
    hasMore: rows.length > query.limit,
    cursorFound: true,
  };
}

/**
 * Marks a video deleted (the row stays for the audit trail) and detaches its files. Returns the
 * hashes no other live video still references, which the caller removes from storage.
 */
export async function deleteVideo(
  client: Queryable,
  projectId: string,
  id: string,
): Promise<{ deleted: boolean; orphanedHashes: string[] }> {
  const updated = await client.query(
    `with deleted as (
       update videos set deleted_at = now(), locked_by = null, lease_expires_at = null
       where id = $1 and project_id = $2 and deleted_at is null returning id, status)
     insert into video_events (video_id, actor, type, from_status, to_status)
     select id, 'api', 'deleted', status, status from deleted returning video_id`,
    [id, projectId],
  );
  if (updated.rowCount === 0) return { deleted: false, orphanedHashes: [] };
  // The row stays for the audit trail, so ON DELETE CASCADE never fires: drop the score here.
  await client.query('delete from video_scores where video_id = $1', [id]);
  const removed = await client.query<{ sha256: string }>(
    'delete from video_files where video_id = $1 returning sha256',
    [id],
  );
  const hashes = removed.rows.map((row) => row.sha256);
  const video = await client.query<{ input_reference: StoredImage | null }>(
    'select input_reference from videos where id = $1',
    [id],
  );
  const input = video.rows[0]?.input_reference;
  if (input != null) hashes.push(input.sha256);
  if (hashes.length === 0) return { deleted: true, orphanedHashes: [] };
  const stillUsed = await client.query<{ sha256: string }>(
    `select sha256 from video_files where sha256 = any($1::text[])
     union select input_reference->>'sha256' from videos
       where deleted_at is null and input_reference->>'sha256' = any($1::text[])`,
    [hashes],
  );
  const kept = new Set(stillUsed.rows.map((row) => row.sha256));
  return { deleted: true, orphanedHashes: [...new Set(hashes)].filter((hash) => !kept.has(hash)) };
}

/** Whether any live video still uses this content (as an output or as its input image). */
export async function isBlobReferenced(client: Queryable, sha256: string): Promise<boolean> {
  const result = await client.query(
    `select 1 from video_files where sha256 = $1
     union all select 1 from videos where deleted_at is null and input_reference->>'sha256' = $1
     limit 1`,
    [sha256],
  );
  return result.rowCount > 0;
}
