import { z } from 'zod';
import type { RatingRecord, RatingSummary } from '../../db/ratings-repository.js';
import { textProblem } from './request-text.js';

export const maxTags = 20;
export const tagPattern = /^[a-z0-9][a-z0-9_-]{0,39}$/;

const storableText = z.string().superRefine((text, context) => {
  const problem = textProblem(text);
  if (problem != null) context.addIssue({ code: 'custom', message: problem });
});

/**
 * `POST /v1/videos/{id}/ratings`. Tags are lowercase slugs so that `--tag hero` and a dataset's
 * tag filter match what was typed without case or spacing rules; duplicates are folded.
 */
export const createRatingBodySchema = z
  .object({
    score: z
      .number({ error: 'score is required and must be an integer from 1 to 5' })
      .int('score must be an integer from 1 to 5')
      .min(1, 'score must be an integer from 1 to 5')
      .max(5, 'score must be an integer from 1 to 5'),
    tags: z
      .array(
        z
          .string()
          .regex(
            tagPattern,
            'each tag is 1-40 characters of a-z, 0-9, _ and -, starting alphanumeric',
          ),
      )
      .max(maxTags, `at most ${maxTags} tags`)
      .transform((tags) => [...new Set(tags)])
      .optional(),
    note: storableText.max(2000, 'note is at most 2000 characters').nullable().optional(),
  })
  .strict();

export type CreateRatingBody = z.infer<typeof createRatingBodySchema>;

export const ratingObjectSchema = z
  .object({
    object: z.literal('video.rating'),
    video_id: z.string(),
    api_key_id: z.string().nullable().describe('The key that rated; null for the embedded CLI.'),
    score: z.number().int().min(1).max(5),
    tags: z.array(z.string()),
    note: z.string().nullable(),
    created_at: z.number().int().describe('Unix seconds.'),
    updated_at: z.number().int().describe('Unix seconds: when this key last changed it.'),
  })
  .describe("One API key's rating of a video; a key rates each video once, and may change it.");

export type RatingObject = z.infer<typeof ratingObjectSchema>;

export const ratingListSchema = z
  .object({ object: z.literal('list'), data: z.array(ratingObjectSchema) })
  .describe("A video's ratings, oldest first.");

export const videoRatingsSummarySchema = z.object({
  count: z.number().int().describe('How many keys rated the video.'),
  average: z.number().describe('The mean score, 1-5, to two decimals.'),
  tags: z.record(z.string(), z.number().int()).describe('Each tag given, with how many gave it.'),
});

export type VideoRatingsSummary = z.infer<typeof videoRatingsSummarySchema>;

const unixSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

export function toRatingObject(rating: RatingRecord): RatingObject {
  return {
    object: 'video.rating',
    video_id: rating.videoId,
    api_key_id: rating.apiKeyId,
    score: rating.score,
    tags: rating.tags,
    note: rating.note,
    created_at: unixSeconds(rating.createdAt),
    updated_at: unixSeconds(rating.updatedAt),
  };
}

export function toRatingsSummary(summary: RatingSummary): VideoRatingsSummary {
  return {
    count: summary.count,
    average: Math.round(summary.average * 100) / 100,
    tags: summary.tags,
  };
}
