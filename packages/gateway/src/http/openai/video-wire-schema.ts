import { z } from 'zod';
import { videoRatingsSummarySchema } from './video-ratings.js';
import { videoScoresSummarySchema } from './video-scores.js';

const unixSeconds = z.number().int();

/**
 * Flat rather than a union of the kinds: a client reads `type` first and must survive a kind it
 * does not know yet (the SDK types it open for that reason).
 */
export const videoWarningSchema = z
  .object({
    type: z
      .string()
      .describe(
        '`unsupported`, `compatibility`, `route` or `other`; a client should tolerate new kinds.',
      ),
    param: z.string().optional().describe('The request parameter concerned, when there is one.'),
    message: z.string(),
    requested: z
      .string()
      .optional()
      .describe('`compatibility`: what the request asked for, as the request wrote it.'),
    used: z.string().optional().describe('`compatibility`: what the model renders instead.'),
    target: z
      .string()
      .optional()
      .describe('`route`: the target model a route skipped or moved on from.'),
  })
  .describe('Something the gateway changed or ignored to serve the request.');

export const videoErrorSchema = z
  .object({
    code: z.string().describe('Machine-readable reason in snake_case, e.g. `render_failed`.'),
    message: z.string(),
    param: z
      .string()
      .optional()
      .describe('vgw extension: the input a refusal concerns, when the engine knows it.'),
  })
  .describe('Why the video failed.');

export const videoStatusSchema = z.enum(['queued', 'in_progress', 'completed', 'failed']);

const usdAmount = z.string().regex(/^-?\d+\.\d{6}$/);

export const videoCostSchema = z
  .object({
    estimate_usd: usdAmount.describe(
      'What the render was estimated at before anything ran, and reserved against budgets: USD with six decimals.',
    ),
    actual_usd: usdAmount
      .nullable()
      .describe(
        'What it cost once settled (0 when the provider does not bill the failure); null until then, and while the billing is unknown (the estimate stays at risk).',
      ),
    basis: z
      .enum(['list_price', 'configured', 'provider_reported'])
      .describe(
        "Where the price came from: the model's list price or the operator's configured one.",
      ),
  })
  .describe("vgw extension: the video's cost.");

export const videoProvenanceSchema = z
  .object({
    c2pa: z
      .enum(['embedded', 'sidecar', 'none'])
      .describe(
        'A signed C2PA manifest labelling the output as AI-generated, inside the MP4 or beside it (`variant=c2pa`), or none.',
      ),
  })
  .describe('How the output is labelled as AI-generated.');

export const videoAttemptSchema = z
  .object({
    model: z.string().describe('The target model this attempt rendered on.'),
    provider: z.string(),
    status: z
      .enum(['in_progress', 'completed', 'failed', 'rejected'])
      .describe("`rejected`: rendered, but below the route's quality gate, so re-rendered."),
    error: videoErrorSchema.nullable(),
    cost_usd: usdAmount
      .nullable()
      .describe(
        'What the attempt cost once settled; null while it runs or its billing is unknown.',
      ),
  })
  .describe('One try at rendering the video: a route falls back or re-rolls in a new attempt.');

/**
 * The one description of the video object on the wire: the serializer's return type is inferred
 * from it and the OpenAPI document is generated from it, so neither can say something the other
 * does not. The SDK's hand-written `Video` is held to it by the CLI's
 * `sdk-video-drift.test.ts` (the one package that depends on both).
 */
export const videoObjectSchema = z
  .object({
    id: z.string(),
    object: z.literal('video'),
    model: z.string().describe('The model or route the create named (its canonical name).'),
    status: videoStatusSchema,
    progress: z.number().describe('Approximate percent complete, 0-100.'),
    created_at: unixSeconds.describe('Unix seconds.'),
    completed_at: unixSeconds.nullable().describe('Unix seconds; null until the video is done.'),
    expires_at: unixSeconds
      .nullable()
      .describe('When the downloadable assets expire (unix seconds).'),
    prompt: z.string(),
    seconds: z.string().describe("Duration as a string, as in OpenAI's API, e.g. `8`."),
    size: z.string().describe('`WIDTHxHEIGHT`, e.g. `1280x720`.'),
    remixed_from_video_id: z.string().nullable(),
    error: videoErrorSchema.nullable(),
    provider: z
      .string()
      .describe('vgw extension: the provider that renders the video (the current attempt).'),
    fps: z.number().int().describe('vgw extension: frames per second.'),
    seed: z.number().int().nullable().describe('vgw extension: the seed, when one was given.'),
    warnings: z.array(videoWarningSchema).describe('vgw extension.'),
    cost: videoCostSchema
      .nullable()
      .describe(
        'vgw extension: estimate and actual cost; null for videos made before costs were kept.',
      ),
    attempts: z
      .array(videoAttemptSchema)
      .describe('vgw extension: every try at rendering it, in order; the last is the current one.'),
    scores: videoScoresSummarySchema
      .nullable()
      .describe('vgw extension: temporal-stability summary once scored; null until then.'),
    provenance: videoProvenanceSchema
      .nullable()
      .describe("vgw extension: the output's C2PA label; null until the video is completed."),
    ratings: videoRatingsSummarySchema
      .nullable()
      .describe('vgw extension: what the ratings say (`/ratings`); null until someone rates it.'),
  })
  .describe("OpenAI's Video object, plus vgw's additive fields (never a changed OpenAI field).");

export type VideoObject = z.infer<typeof videoObjectSchema>;

/** `GET /v1/videos`: one page of the cursor-paginated list. */
export const videoListSchema = z
  .object({
    object: z.literal('list'),
    data: z.array(videoObjectSchema),
    has_more: z.boolean(),
    first_id: z.string().nullable(),
    last_id: z.string().nullable().describe('Pass as `after` to fetch the next page.'),
  })
  .describe('A page of videos.');

export type VideoListObject = z.infer<typeof videoListSchema>;
