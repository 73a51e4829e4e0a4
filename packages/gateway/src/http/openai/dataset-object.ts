import { z } from 'zod';
import type { DatasetExportRecord } from '../../db/dataset-exports-repository.js';
import { datasetRequestSchema } from '../../datasets/dataset-request.js';

const reportSchema = z.object({
  clips: z.number().int(),
  train: z.number().int(),
  validation: z.number().int(),
  excluded: z
    .record(z.string(), z.number().int())
    .describe(
      'Videos in scope left out, by reason: `failed`, `not_completed`, `no_provenance`, `unscored`, `below_min_stability`, `unrated`, `below_min_rating`, `missing_tag`, `no_media`, `too_short`, `too_small`.',
    ),
  bytes: z.number().int().describe('Bytes of the clips written.'),
});

export const datasetObjectSchema = z
  .object({
    id: z.string(),
    object: z.literal('dataset'),
    status: z.enum(['queued', 'running', 'completed', 'failed']),
    filters: datasetRequestSchema.describe('The request as validated, defaults filled in.'),
    counts: reportSchema
      .nullable()
      .describe('What the export wrote and left out; null until done.'),
    zip_bytes: z
      .number()
      .int()
      .nullable()
      .describe('Size of the zip at `/v1/datasets/{id}/content`; null until completed.'),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    created_at: z.number().int().describe('Unix seconds.'),
    completed_at: z.number().int().nullable().describe('Unix seconds; null until done.'),
  })
  .describe('A dataset export for fine-tuning: an async job whose result is a zip.');

export type DatasetObject = z.infer<typeof datasetObjectSchema>;

export const datasetListSchema = z.object({
  object: z.literal('list'),
  data: z.array(datasetObjectSchema),
  has_more: z.boolean(),
  first_id: z.string().nullable(),
  last_id: z.string().nullable().describe('Pass as `after` to fetch the next page.'),
});

const unixSeconds = (date: Date | null) =>
  date != null ? Math.floor(date.getTime() / 1000) : null;

export function toDatasetObject(record: DatasetExportRecord): DatasetObject {
  const report = reportSchema.safeParse(record.report);
  return {
    id: record.id,
    object: 'dataset',
    status: record.status,
    filters: datasetRequestSchema.parse(record.filters),
    counts: report.success ? report.data : null,
    zip_bytes: record.status === 'completed' ? record.zipBytes : null,
    error:
      record.status === 'failed'
        ? { code: record.errorCode ?? 'export_failed', message: record.errorMessage ?? '' }
        : null,
    created_at: unixSeconds(record.createdAt) as number,
    completed_at: unixSeconds(record.completedAt),
  };
}
