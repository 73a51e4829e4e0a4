import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { GatewayError } from '@vgw/spec';
import type { DatasetJob } from '../db/dataset-lease-repository.js';
import { recordDatasetCompleted, recordDatasetFailed } from '../db/dataset-exports-repository.js';
import type { Queryable } from '../db/queryable.js';
import type { HandlerContext, WorkerLogger } from '../jobs/worker-options.js';
import { datasetRequestSchema } from './dataset-request.js';
import { exportDataset, type ExportDatasetDeps } from './export-dataset.js';
import { zipFolder } from './zip-folder.js';

export interface DatasetExportJobDeps extends ExportDatasetDeps {
  logger: WorkerLogger;
  /** Where exports are built and zipped (the data dir's disk, so renames stay cheap). */
  workDir: string;
  /** Claims after which a failing export is recorded failed rather than retried. */
  maxAttempts: number;
}

async function projectOf(database: Queryable, id: string) {
  const result = await database.query<{ project_id: string; filters: unknown }>(
    'select project_id, filters from dataset_exports where id = $1',
    [id],
  );
  return result.rows[0] ?? null;
}

/** Exports, zips and stores one requested dataset; the zip is served by the content route. */
async function buildZip(deps: DatasetExportJobDeps, job: DatasetJob, scratch: string) {
  const row = await projectOf(deps.database, job.id);
  if (row == null) throw new Error(`dataset export ${job.id} is gone`);
  const request = datasetRequestSchema.parse(row.filters);
  const folder = join(scratch, 'dataset');
  const report = await exportDataset(deps, row.project_id, request, folder);
  const zipPath = join(scratch, `${job.id}.zip`);
  await zipFolder(folder, zipPath);
  const stored = await deps.store.putFile(zipPath);
  const bytes = (await stat(zipPath)).size;
  return { report, stored, bytes };
}

/**
 * Works one claimed export. A failure the request itself causes (an unreadable stored clip)
 * ends the export as failed; anything else is thrown for the worker's backoff until the last
 * attempt, which records it failed too, so an export never stays queued forever.
 */
export async function datasetExportJob(
  deps: DatasetExportJobDeps,
  job: DatasetJob,
  context: HandlerContext,
): Promise<void> {
  await mkdir(deps.workDir, { recursive: true });
  const scratch = await mkdtemp(join(deps.workDir, `${job.id}-`));
  try {
    const { report, stored, bytes } = await buildZip(deps, job, scratch);
    if (context.signal.aborted) return;
    await recordDatasetCompleted(deps.database, {
      id: job.id,
      workerId: context.workerId,
      report,
      zipSha256: stored.sha256,
      zipBytes: bytes,
    });
  } catch (error) {
    const permanent = error instanceof GatewayError || job.attempts >= deps.maxAttempts;
    if (!permanent || context.signal.aborted) throw error;
    const code = error instanceof GatewayError ? error.code : 'export_failed';
    const message = error instanceof Error ? error.message : String(error);
    deps.logger.error({ datasetId: job.id, error }, 'dataset export failed');
    await recordDatasetFailed(deps.database, {
      id: job.id,
      workerId: context.workerId,
      code: code ?? 'export_failed',
      message,
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
