import type { VideoFailure } from '@vgw/spec';
import type { Queryable } from './queryable.js';
import type { VideoRecord } from './video-record.js';

export type AttemptStatus = 'in_progress' | 'completed' | 'failed' | 'rejected';

export interface VideoAttemptRecord {
  number: number;
  model: string;
  provider: string;
  status: AttemptStatus;
  error: VideoFailure | null;
  /** Integer micro-USD once settled; null while it runs or while its billing is unknown. */
  costMicroUsd: number | null;
}

interface AttemptRow {
  video_id: string;
  number: number;
  model: string;
  provider: string;
  status: AttemptStatus;
  error: VideoFailure | null;
  cost_micro_usd: string | number | null;
}

/**
 * A video still on its first attempt is described whole by its own row, so reading it costs no
 * query: the table is read only for videos that moved on to another target.
 */
function firstAttemptOf(video: VideoRecord): VideoAttemptRecord {
  return {
    number: 1,
    model: video.model,
    provider: video.provider,
    status:
      video.status === 'completed' || video.status === 'failed' ? video.status : 'in_progress',
    error: video.error,
    costMicroUsd: video.actualMicroUsd,
  };
}

/** Each video's attempts in order, keyed by video id. */
export async function attemptsOf(
  client: Queryable,
  videos: readonly VideoRecord[],
): Promise<Map<string, VideoAttemptRecord[]>> {
  const attempts = new Map<string, VideoAttemptRecord[]>();
  const moved = videos.filter((video) => video.attempt > 1).map((video) => video.id);
  for (const video of videos)
    if (video.attempt === 1) attempts.set(video.id, [firstAttemptOf(video)]);
  if (moved.length === 0) return attempts;
  const result = await client.query<AttemptRow>(
    `select video_id, number, model, provider, status, error, cost_micro_usd
     from video_attempts where video_id = any($1::text[]) order by video_id, number`,
    [moved],
  );
  for (const row of result.rows) {
    const list = attempts.get(row.video_id) ?? [];
    list.push({
      number: row.number,
      model: row.model,
      provider: row.provider,
      status: row.status,
      error: row.error,
      costMicroUsd: row.cost_micro_usd != null ? Number(row.cost_micro_usd) : null,
    });
    attempts.set(row.video_id, list);
  }
  return attempts;
}
