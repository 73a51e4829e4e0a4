import type { Queryable } from './queryable.js';

/** One key's rating of one video (`video_ratings`). */
export interface RatingRecord {
  videoId: string;
  /** Null for the embedded CLI, which has no key. */
  apiKeyId: string | null;
  score: number;
  tags: string[];
  note: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What the video object shows of its ratings: how many, their mean, and tags by count. */
export interface RatingSummary {
  count: number;
  average: number;
  tags: Record<string, number>;
}

interface RatingRow {
  video_id: string;
  api_key_id: string | null;
  score: number;
  tags: string[];
  note: string | null;
  created_at: Date;
  updated_at: Date;
}

function toRecord(row: RatingRow): RatingRecord {
  return {
    videoId: row.video_id,
    apiKeyId: row.api_key_id,
    score: Number(row.score),
    tags: row.tags,
    note: row.note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface NewRating {
  videoId: string;
  apiKeyId: string | null;
  score: number;
  tags: string[];
  note: string | null;
}

/** Inserts the key's rating of the video, or replaces it (created_at kept); returns it. */
export async function upsertRating(client: Queryable, rating: NewRating): Promise<RatingRecord> {
  const result = await client.query<RatingRow>(
    `insert into video_ratings (video_id, api_key_id, score, tags, note)
     values ($1, $2, $3, $4::jsonb, $5)
     on conflict (video_id, (coalesce(api_key_id, ''))) do update
       set score = excluded.score, tags = excluded.tags, note = excluded.note,
         updated_at = now()
     returning video_id, api_key_id, score, tags, note, created_at, updated_at`,
    [rating.videoId, rating.apiKeyId, rating.score, JSON.stringify(rating.tags), rating.note],
  );
  return toRecord(result.rows[0] as RatingRow);
}

/** Every rating of the video, oldest first. */
export async function listRatings(client: Queryable, videoId: string): Promise<RatingRecord[]> {
  const result = await client.query<RatingRow>(
    `select video_id, api_key_id, score, tags, note, created_at, updated_at
     from video_ratings where video_id = $1 order by created_at, id`,
    [videoId],
  );
  return result.rows.map(toRecord);
}

/** The summaries of these videos' ratings in one query; videos nobody rated are absent. */
export async function ratingSummaries(
  client: Queryable,
  videoIds: readonly string[],
): Promise<Map<string, RatingSummary>> {
  if (videoIds.length === 0) return new Map();
  const result = await client.query<{
    video_id: string;
    count: number;
    average: number;
    tags: Record<string, number> | null;
  }>(
    `select r.video_id, count(*)::int as count, avg(r.score)::float8 as average,
       (select jsonb_object_agg(t.tag, t.n) from (
          select tag, count(*)::int as n from video_ratings r2
          cross join lateral jsonb_array_elements_text(r2.tags) as tag
          where r2.video_id = r.video_id group by tag) t) as tags
     from video_ratings r where r.video_id = any($1::text[])
     group by r.video_id`,
    [[...new Set(videoIds)]],
  );
  return new Map(
    result.rows.map((row) => [
      row.video_id,
      { count: row.count, average: row.average, tags: row.tags ?? {} },
    ]),
  );
}
