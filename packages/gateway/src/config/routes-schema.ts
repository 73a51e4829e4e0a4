import { z } from 'zod';

/** What a route may require of every target it uses, checked against each model's capabilities. */
export const routeRequirements = ['imageInput', 'seed', 'audio'] as const;

const failureCode = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'failure codes are snake_case, e.g. provider_unavailable');

const targetSchema = z
  .object({
    model: z.string().min(1),
    /** Only for `weighted` routes: this target's share of videos, relative to the others'. */
    weight: z.number().finite().positive('a weight must be above 0').optional(),
    /** Options for this target's provider; a request's own `provider_options` override them. */
    providerOptions: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();

const routeSchema = z
  .object({
    strategy: z.enum(['fallback', 'cheapest', 'weighted']).default('fallback'),
    targets: z.array(targetSchema).min(1, 'a route needs at least one target'),
    /** Failure codes that move a video on to the next target; absent: every failure but refusals. */
    fallbackOn: z.array(failureCode).optional(),
    /** Targets whose estimate is above this price per second of video are skipped. */
    maxUsdPerSecond: z.number().finite().positive().max(100).optional(),
    requires: z.array(z.enum(routeRequirements)).default([]),
    /** Holds a video until it is scored; below the threshold it re-renders on the next target. */
    qualityGate: z
      .object({
        minStabilityIndex: z.number().min(0).max(100),
        maxRerolls: z.number().int().min(0).max(5).default(1),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((route, context) => {
    route.targets.forEach((target, index) => {
      if (route.strategy === 'weighted' && target.weight == null) {
        context.addIssue({
          code: 'custom',
          path: ['targets', index, 'weight'],
          message: 'every target of a weighted route needs a weight above 0',
        });
      }
      if (route.strategy !== 'weighted' && target.weight != null) {
        context.addIssue({
          code: 'custom',
          path: ['targets', index, 'weight'],
          message: `weights apply only to weighted routes; this one is ${route.strategy}`,
        });
      }
    });
  });

/** Routes by the name clients send as `model`. */
export const routesSchema = z
  .record(
    z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'route names are letters, digits, . _ -'),
    routeSchema,
  )
  .default({});

export type RouteConfig = z.infer<typeof routeSchema>;
