import { z } from 'zod';

/** The trainer families `conform` prepares clips for (conform-presets.ts). */
export const conformFamilies = ['wan', 'hunyuan', 'ltx'] as const;
export type ConformFamily = (typeof conformFamilies)[number];

export const datasetLayouts = ['flat', 'manifest'] as const;
export type DatasetLayout = (typeof datasetLayouts)[number];

// The same slugs a rating's tags are (http/openai/video-ratings.ts), so a filter can match.
const tagSlug = /^[a-z0-9][a-z0-9_-]{0,39}$/;

// A time must say its offset, so what is exported never depends on the machine's zone.
const instant = z.union(
  [z.iso.date(), z.iso.datetime({ offset: true })],
  'must be a date (2026-11-01) or a time with its offset (2026-11-01T09:00:00Z)',
);

/**
 * What a dataset export selects and how it lays the clips out: the body of `POST /v1/datasets`,
 * the stored `dataset_exports.filters`, and the CLI's flags, all one schema. The project is not
 * here: it is the caller's key's (or the CLI's `--project`).
 */
export const datasetRequestSchema = z
  .object({
    model: z.string().min(1).max(200).optional().describe('Only videos rendered by this model.'),
    since: instant.optional().describe('Created at or after this (a bare date: its midnight UTC).'),
    until: instant
      .optional()
      .describe('Created before this; a bare date includes that whole day (UTC).'),
    min_stability: z
      .number()
      .min(0)
      .max(100)
      .optional()
      .describe('Lowest temporal stability index (0-100); unscored videos are left out.'),
    min_rating: z
      .number()
      .min(1)
      .max(5)
      .optional()
      .describe('Lowest average rating (1-5); unrated videos are left out.'),
    tag: z
      .string()
      .regex(tagSlug, 'must be a rating tag: 1-40 characters of a-z, 0-9, _ and -')
      .optional()
      .describe('Only videos that some rating tagged so.'),
    layout: z
      .enum(datasetLayouts)
      .default('manifest')
      .describe('`flat`: clip + caption pairs per split; `manifest`: those plus JSONL manifests.'),
    conform: z
      .enum(conformFamilies)
      .nullable()
      .default(null)
      .describe("Re-encode each clip to a trainer family's fps, frame count and size multiple."),
    val_fraction: z
      .number()
      .min(0)
      .max(0.5)
      .default(0.1)
      .describe('Share of clips in `validation/`, drawn by a hash of the video id.'),
  })
  .strict();

export type DatasetRequest = z.infer<typeof datasetRequestSchema>;

/** Created-at bounds as instants: a bare `until` date runs to the end of that day. */
export function createdBounds(request: DatasetRequest): { since: Date | null; until: Date | null } {
  const since = request.since != null ? new Date(request.since) : null;
  let until: Date | null = null;
  if (request.until != null) {
    until = new Date(request.until);
    if (/^\d{4}-\d{2}-\d{2}$/.test(request.until)) until = new Date(until.getTime() + 86_400_000);
  }
  return { since, until };
}
