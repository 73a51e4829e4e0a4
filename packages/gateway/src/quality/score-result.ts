import { z } from 'zod';

const size = z.object({ width: z.number().int().positive(), height: z.number().int().positive() });
const series = z.array(z.number());

export const staticGateSchema = z.object({
  isStatic: z.boolean(),
  threshold: z.number(),
  movingPairs: z.number().int(),
  allowedMovingPairs: z.number().int(),
  flowEstimator: z.literal('farneback'),
});

export const dynamicDegreeSchema = z.object({
  dynamic: z.boolean(),
  movingPairFraction: z.number().min(0).max(1),
  meanTopMotion: z.number(),
  threshold: z.number(),
  requiredMovingPairs: z.number().int(),
  frameStep: z.number().int().positive(),
  flowEstimator: z.literal('farneback'),
});

const weights = z.object({
  warpingError: z.number(),
  lumaFlicker: z.number(),
  cameraJitter: z.number(),
  motionSmoothness: z.number(),
  freeze: z.number(),
});

export const stabilityIndexSchema = z.object({
  value: z.number().min(0).max(100),
  components: z.object({
    warpingError: z.number().nullable(),
    lumaFlicker: z.number().nullable(),
    cameraJitter: z.number().nullable(),
    motionSmoothness: z.number().nullable(),
    freeze: z.number().nullable(),
  }),
  weights,
});

/** What `scoreVideo` returns; plain JSON (no NaN: empty series give null or 0 as documented). */
export const scoreResultSchema = z.object({
  version: z.literal(1),
  metrics: z.object({
    vbenchFlicker: z.object({ value: z.number(), staticGate: staticGateSchema }),
    warpingError: z.number(),
    motionSmoothness: z.number().nullable(),
    cameraJitter: z.number().nullable(),
    lumaFlicker: z.number().nullable(),
    consecutiveSsim: z.number(),
    freeze: z.object({
      runs: z.array(z.object({ start: z.number().int(), frames: z.number().int() })),
      frozenFraction: z.number().min(0).max(1),
      longestRun: z.number().int(),
    }),
    sceneCuts: z.array(z.number().int()),
    drift: z.object({
      approximate: z.literal(true),
      endSsim: z.number(),
      endHistogramDistance: z.number(),
      maxHistogramDistance: z.number(),
    }),
  }),
  dynamicDegree: dynamicDegreeSchema,
  index: stabilityIndexSchema,
  perFrame: z.object({
    flicker: series,
    warpingError: series,
    meanLuma: series,
    lumaFlicker: series,
    cameraJitter: series,
    consecutiveSsim: series,
    ssimToFirst: series,
    histogramDistanceToFirst: series,
    motionSmoothness: series,
    dynamicTopMotion: series,
  }),
  analysis: z.object({
    sizes: z.object({ native: size, flow: size }),
    frames: z.number().int(),
    fps: z.number(),
    durationSeconds: z.number().nullable(),
    elapsedSeconds: z.number(),
    flowEstimator: z.literal('farneback'),
  }),
});

export type ScoreResult = z.infer<typeof scoreResultSchema>;
