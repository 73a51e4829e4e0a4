import { z } from 'zod';
import { videoScoresSummarySchema } from './video-scores.js';
import { videoWarningSchema } from './video-wire-schema.js';

const unixSeconds = z.number().int();
const usdAmount = z.string().regex(/^-?\d+\.\d{6}$/);

export const storyboardStatusSchema = z.enum([
  'queued',
  'rendering',
  'stitching',
  'scoring',
  'completed',
  'failed',
]);

const storyboardShotSchema = z.object({
  index: z.number().int(),
  prompt: z.string(),
  seconds: z.string().nullable().describe('As requested; null: the model default.'),
  model: z.string().describe('The model the shot was planned on (a route: its chosen target).'),
  continue: z.boolean().describe("Whether it starts from the previous shot's last frame."),
  seed: z.number().int().nullable(),
  video_id: z.string().nullable().describe("The shot's video, once it was created."),
  status: z
    .enum(['pending', 'queued', 'in_progress', 'completed', 'failed', 'deleted'])
    .describe("`pending`: its video is not created yet; otherwise the video's status."),
  estimate_usd: usdAmount,
  scores: videoScoresSummarySchema
    .nullable()
    .describe("The shot's own temporal-stability summary, once scored."),
});

export const seamScoreSchema = z
  .object({
    between: z.tuple([z.number().int(), z.number().int()]),
    ssim: z.number().describe('SSIM of the last and first frame (gray, analysis size).'),
    flicker: z.number().describe('VBench flicker of the pair, (255 − MAE) / 255; 1 = no change.'),
    histogram_distance: z.number().describe('Bhattacharyya distance of the colour histograms.'),
    luma_step: z.number().describe('Jump in mean luma, 0–255.'),
    cut: z.boolean().describe('Whether the scene-cut rule reads the seam as a cut.'),
  })
  .describe("The temporal score of one cut: shot i's last frame against shot i+1's first.");

/** The storyboard on the wire: the serializer's return type is inferred from it. */
export const storyboardObjectSchema = z
  .object({
    id: z.string(),
    object: z.literal('storyboard'),
    name: z.string().nullable(),
    status: storyboardStatusSchema,
    created_at: unixSeconds,
    completed_at: unixSeconds.nullable(),
    model: z.string().nullable().describe('The default model or route of its shots.'),
    size: z.string().nullable(),
    fps: z.number().nullable(),
    shots: z.array(storyboardShotSchema),
    cost: z.object({
      estimate_usd: usdAmount.describe(
        "The sum of the shots' estimates, checked against budgets before anything ran.",
      ),
      settled_usd: usdAmount
        .nullable()
        .describe("The sum of the shots' settled costs; null until every shot has settled."),
    }),
    stitched: z
      .object({
        url: z.string().describe('Where the stitched MP4 is served (`Range` supported).'),
        sha256: z.string(),
        bytes: z.number().int(),
        mode: z
          .enum(['copy', 'reencode'])
          .describe(
            '`copy`: shots joined as they are; `reencode`: the shots listed were normalised first.',
          ),
        reencoded_shots: z.array(z.number().int()),
        frames: z.number().int(),
        duration_seconds: z.number().nullable(),
        size: z.string(),
        rate: z.string().describe('Exact frame rate, e.g. `24/1`, `30000/1001`.'),
      })
      .nullable(),
    seams: z
      .array(seamScoreSchema)
      .nullable()
      .describe('One per cut, once the storyboard is scored.'),
    sequence_id: z.string().nullable().describe('The sequence made of the shots; null until then.'),
    error: z
      .object({ code: z.string(), message: z.string(), shot: z.number().int().nullable() })
      .nullable(),
  })
  .describe('vgw extension: a shot list rendered as videos and stitched into one MP4.');

export type StoryboardObject = z.infer<typeof storyboardObjectSchema>;

export const storyboardListSchema = z.object({
  object: z.literal('list'),
  data: z.array(storyboardObjectSchema),
  has_more: z.boolean(),
  first_id: z.string().nullable(),
  last_id: z.string().nullable(),
});

export type StoryboardListObject = z.infer<typeof storyboardListSchema>;

export const storyboardEstimateSchema = z
  .object({
    object: z.literal('storyboard.estimate'),
    shots: z.array(
      z.object({
        index: z.number().int(),
        model: z.string(),
        provider: z.string(),
        route: z.string().nullable(),
        seconds: z.string(),
        size: z.string(),
        estimate_usd: usdAmount,
        warnings: z.array(videoWarningSchema),
      }),
    ),
    cost: z.object({ estimate_usd: usdAmount }),
  })
  .describe('vgw extension: every shot planned and priced, with nothing written or rendered.');

export type StoryboardEstimateObject = z.infer<typeof storyboardEstimateSchema>;
