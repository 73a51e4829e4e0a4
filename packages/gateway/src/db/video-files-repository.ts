import type { VideoVariant } from '@vgw/spec';

/** An engine's variants, plus `c2pa`: the gateway's sidecar manifest beside the video. */
export type StoredVariant = VideoVariant | 'c2pa';
import type { Queryable } from './queryable.js';

export interface VideoFileRecord {
  videoId: string;
  variant: StoredVariant;
  sha256: string;
  bytes: number;
  mediaType: string;
}

interface VideoFileRow {
  video_id: string;
  variant: StoredVariant;
  sha256: string;
  bytes: number | string;
  media_type: string;
}

export async function findVideoFile(
  client: Queryable,
  videoId: string,
  variant: StoredVariant,
): Promise<VideoFileRecord | null> {
  const result = await client.query<VideoFileRow>(
    'select * from video_files where video_id = $1 and variant = $2',
    [videoId, variant],
  );
  const row = result.rows[0];
  if (row == null) return null;
  return {
    videoId: row.video_id,
    variant: row.variant,
    sha256: row.sha256,
    bytes: Number(row.bytes),
    mediaType: row.media_type,
  };
}

/** One variant's file of each of several videos, by video id (videos without one are absent). */
export async function findVideoFilesOf(
  client: Queryable,
  videoIds: readonly string[],
  variant: StoredVariant,
): Promise<Map<string, VideoFileRecord>> {
  if (videoIds.length === 0) return new Map();
  const result = await client.query<VideoFileRow>(
    'select * from video_files where video_id = any($1::text[]) and variant = $2',
    [[...new Set(videoIds)], variant],
  );
  return new Map(
    result.rows.map((row) => [
      row.video_id,
      {
        videoId: row.video_id,
        variant: row.variant,
        sha256: row.sha256,
        bytes: Number(row.bytes),
        mediaType: row.media_type,
      },
    ]),
  );
}
