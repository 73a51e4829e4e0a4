import type { Queryable } from './queryable.js';
import type { OutputProvenance, VideoStatus } from './video-record.js';

/** A live video in a dataset's scope, with what its filters and manifest need. */
export interface DatasetCandidate {
  id: string;
  projectId: string;
  status: VideoStatus;
  provenance: OutputProvenance | null;
  model: string;
  provider: string;
  route: string | null;
  prompt: string;
  seed: number | null;
  createdAt: Date;
  /** The completed score's stability index (0-100); null when not scored. */
  stabilityIndex: number | null;
  dynamic: boolean | null;
  ratingCount: number;
  /** Null when nobody rated it. */
  ratingAverage: number | null;
  /** Every tag any rating gave, sorted. */
  tags: string[];
}

export interface DatasetScope {
  projectId: string;
  /** Matches the model a video rendered on or the route it named. */
  model: string | null;
  since: Date | null;
  until: Date | null;
}

interface CandidateRow {
  id: string;
  project_id: string;
  status: VideoStatus;
  provenance: OutputProvenance | null;
  model: string;
  provider: string;
  route: string | null;
  prompt: string;
  seed: string | number | null;
  created_at: Date;
  stability_index: number | null;
  dynamic: boolean | null;
  rating_count: number | null;
  rating_average: number | null;
  tags: string[] | null;
}

/**
 * Every live video of the project in the scope, oldest first, with its score and ratings in one
 * statement; the caller decides which enter (and says why the others did not).
 */
export async function findDatasetCandidates(
  client: Queryable,
  scope: DatasetScope,
): Promise<DatasetCandidate[]> {
  const result = await client.query<CandidateRow>(
    `with scoped as (
       select v.* from videos v
       where v.project_id = $1 and v.deleted_at is null
         and ($2::text is null or v.model = $2 or v.route = $2)
         and ($3::timestamptz is null or v.created_at >= $3)
         and ($4::timestamptz is null or v.created_at < $4)),
     rated as (
       select r.video_id, count(*)::int as rating_count, avg(r.score)::float8 as rating_average
       from video_ratings r join scoped on scoped.id = r.video_id group by r.video_id),
     tagged as (
       select r.video_id, jsonb_agg(distinct t.tag order by t.tag) as tags
       from video_ratings r join scoped on scoped.id = r.video_id
       cross join lateral jsonb_array_elements_text(r.tags) as t(tag) group by r.video_id)
     select v.id, v.project_id, v.status, v.provenance, v.model, v.provider, v.route, v.prompt,
       v.seed, v.created_at,
       (s.result -> 'index' ->> 'value')::float8 as stability_index,
       (s.result -> 'dynamicDegree' ->> 'dynamic')::boolean as dynamic,
       rated.rating_count, rated.rating_average, tagged.tags
     from scoped v
     left join video_scores s on s.video_id = v.id and s.status = 'completed'
     left join rated on rated.video_id = v.id
     left join tagged on tagged.video_id = v.id
     order by v.created_at, v.id`,
    [scope.projectId, scope.model, scope.since, scope.until],
  );
  return result.rows.map((row) => ({
    id: row.id,
    projectId: row.project_id,
    status: row.status,
    provenance: row.provenance,
    model: row.model,
    provider: row.provider,
    route: row.route,
    prompt: row.prompt,
    seed: row.seed != null ? Number(row.seed) : null,
    createdAt: row.created_at,
    stabilityIndex: row.stability_index,
    dynamic: row.dynamic,
    ratingCount: row.rating_count ?? 0,
    ratingAverage: row.rating_average,
    tags: row.tags ?? [],
  }));
}

/** A project named by its name or its id (the CLI's `--project`); null when neither matches. */
export async function findProjectByNameOrId(
  client: Queryable,
  nameOrId: string,
): Promise<{ id: string; name: string } | null> {
  const result = await client.query<{ id: string; name: string }>(
    'select id, name from projects where id = $1 or name = $1 order by (id = $1) desc limit 1',
    [nameOrId],
  );
  return result.rows[0] ?? null;
}
