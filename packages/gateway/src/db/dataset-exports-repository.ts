import type { Queryable } from './queryable.js';

/** NOTIFY channel that wakes idle dataset workers when an export is asked for. */
export const datasetsDueChannel = 'vgw_datasets_due';

export type DatasetExportStatus = 'queued' | 'running' | 'completed' | 'failed';

export interface DatasetExportRecord {
  id: string;
  projectId: string;
  apiKeyId: string | null;
  /** Raw jsonb: the worker parses it with datasetRequestSchema before use. */
  filters: unknown;
  status: DatasetExportStatus;
  attempts: number;
  /** Raw jsonb of the export's report once completed. */
  report: unknown;
  zipSha256: string | null;
  zipBytes: number | null;
  errorCode: string | null;
  errorMessage: string | null;
  createdAt: Date;
  completedAt: Date | null;
}

interface DatasetExportRow {
  id: string;
  project_id: string;
  api_key_id: string | null;
  filters: unknown;
  status: DatasetExportStatus;
  attempts: number;
  report: unknown;
  zip_sha256: string | null;
  zip_bytes: string | number | null;
  error_code: string | null;
  error_message: string | null;
  created_at: Date;
  completed_at: Date | null;
}

function toRecord(row: DatasetExportRow): DatasetExportRecord {
  return {
    id: row.id,
    projectId: row.project_id,
    apiKeyId: row.api_key_id,
    filters: row.filters,
    status: row.status,
    attempts: row.attempts,
    report: row.report,
    zipSha256: row.zip_sha256,
    zipBytes: row.zip_bytes != null ? Number(row.zip_bytes) : null,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    createdAt: row.created_at,
    completedAt: row.completed_at,
  };
}

/** Queues an export, waking dataset workers in the same statement (delivered on commit). */
export async function insertDatasetExport(
  client: Queryable,
  row: { id: string; projectId: string; apiKeyId: string | null; filters: object },
): Promise<DatasetExportRecord> {
  const result = await client.query<DatasetExportRow>(
    `with inserted as (
       insert into dataset_exports (id, project_id, api_key_id, filters)
       values ($1, $2, $3, $4::jsonb) returning *)
     select inserted.* from inserted cross join lateral (select pg_notify($5, inserted.id)) woken`,
    [row.id, row.projectId, row.apiKeyId, JSON.stringify(row.filters), datasetsDueChannel],
  );
  return toRecord(result.rows[0] as DatasetExportRow);
}

export async function findDatasetExport(
  client: Queryable,
  projectId: string,
  id: string,
): Promise<DatasetExportRecord | null> {
  const result = await client.query<DatasetExportRow>(
    'select * from dataset_exports where id = $1 and project_id = $2',
    [id, projectId],
  );
  const row = result.rows[0];
  return row != null ? toRecord(row) : null;
}

/** The project's exports, newest first, keyset-paginated on (created_at, id). */
export async function listDatasetExports(
  client: Queryable,
  query: { projectId: string; after: string | null; limit: number },
): Promise<{ exports: DatasetExportRecord[]; hasMore: boolean }> {
  const result = await client.query<DatasetExportRow>(
    `select d.* from dataset_exports d
     where d.project_id = $1
       and ($2::text is null or (d.created_at, d.id) <
         (select created_at, id from dataset_exports where id = $2 and project_id = $1))
     order by d.created_at desc, d.id desc limit $3`,
    [query.projectId, query.after, query.limit + 1],
  );
  const rows = result.rows.map(toRecord);
  return { exports: rows.slice(0, query.limit), hasMore: rows.length > query.limit };
}

const fenced = `id = $1 and locked_by = $2 and status = 'running'`;
const unlock = 'locked_by = null, locked_until = null, updated_at = now()';

export async function recordDatasetCompleted(
  client: Queryable,
  args: { id: string; workerId: string; report: object; zipSha256: string; zipBytes: number },
): Promise<boolean> {
  const result = await client.query(
    `update dataset_exports set status = 'completed', report = $3::jsonb, zip_sha256 = $4,
       zip_bytes = $5, error_code = null, error_message = null, completed_at = now(), ${unlock}
     where ${fenced}`,
    [args.id, args.workerId, JSON.stringify(args.report), args.zipSha256, args.zipBytes],
  );
  return result.rowCount > 0;
}

export async function recordDatasetFailed(
  client: Queryable,
  args: { id: string; workerId: string; code: string; message: string },
): Promise<boolean> {
  const result = await client.query(
    `update dataset_exports set status = 'failed', error_code = $3, error_message = $4,
       completed_at = now(), ${unlock}
     where ${fenced}`,
    [args.id, args.workerId, args.code, args.message],
  );
  return result.rowCount > 0;
}
