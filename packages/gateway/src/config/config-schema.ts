import { z } from 'zod';
import { policySchema, provenanceSchema } from './policy-schema.js';
import { routesSchema } from './routes-schema.js';

const port = z.coerce.number().int().min(0).max(65_535);

/** No video model costs near this: a larger figure is a typo (cents for dollars, a lost point). */
const usdPerSecond = z
  .number()
  .finite()
  .min(0, 'a price cannot be negative')
  .max(100, 'over 100 USD per second of video: a typo?');

/** An operator's price for a model, overriding its list price (negotiated, or an internal rate). */
const priceSchema = z
  .object({
    usdPerSecond,
    bySize: z
      .record(z.string().regex(/^\d+x\d+$/, 'sizes are WIDTHxHEIGHT, e.g. 1920x1080'), usdPerSecond)
      .default({}),
  })
  .strict();

/** A project's own limits; whatever it leaves out keeps the default. */
const projectLimitsSchema = z
  .object({
    requestsPerMinute: z.number().int().min(1).max(1_000_000).optional(),
    concurrentRenders: z.number().int().min(1).max(100_000).optional(),
  })
  .strict()
  .refine((limits) => limits.requestsPerMinute != null || limits.concurrentRenders != null, {
    message: 'set requestsPerMinute, concurrentRenders or both',
  });

export const configSchema = z
  .object({
    dataDir: z.string().min(1).default('./.vgw'),
    databaseUrl: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .nullable()
      .default(null),
    defaultModel: z.string().min(1).default('local'),
    logLevel: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    server: z
      .object({
        host: z.string().min(1).default('127.0.0.1'),
        port: port.default(8080),
        maxBodyBytes: z.coerce
          .number()
          .int()
          .positive()
          .default(25 * 1024 * 1024),
        /** How long a verified API key is trusted without a lookup; a revocation waits this long. */
        authCacheMs: z.coerce.number().int().min(0).max(60_000).default(1000),
        /** The URL providers can reach this gateway at; enables their completion webhooks. */
        publicBaseURL: z.url().nullable().default(null),
        /** Sent as `openai-poll-after-ms` on unfinished videos. */
        pollAfterMs: z.coerce.number().int().min(100).max(60_000).default(1000),
      })
      .strict()
      .prefault({}),
    workers: z
      .object({
        inServe: z.boolean().default(true),
        concurrency: z.coerce.number().int().min(1).max(256).default(4),
        leaseSeconds: z.coerce.number().int().min(1).max(3600).default(30),
        pollIntervalMs: z.coerce.number().int().min(10).max(60_000).default(1000),
        shutdownGraceMs: z.coerce.number().int().min(0).default(10_000),
      })
      .strict()
      .prefault({}),
    videos: z
      .object({
        /** A render not finished by then fails with upstream_timeout: polling always ends. */
        deadlineSeconds: z.coerce.number().int().min(10).default(3600),
        maxStartAttempts: z.coerce.number().int().min(1).max(10).default(3),
      })
      .strict()
      .prefault({}),
    /** Automatic temporal-stability scoring of every completed video (its own job kind). */
    scoring: z
      .object({
        enabled: z.boolean().default(true),
        /** Scores at once per worker process: opencv-js Farneback is single-threaded CPU work. */
        concurrency: z.coerce.number().int().min(1).max(64).default(1),
        timeoutSeconds: z.coerce.number().int().min(1).default(600),
        maxAttempts: z.coerce.number().int().min(1).max(20).default(3),
        /** Flow-analysis threads per score: one leaves the other cores to renders and the API. */
        threads: z.coerce.number().int().min(1).max(64).default(1),
      })
      .strict()
      .prefault({}),
    /** Remote engines by provider id; a provider is configured once it has its credentials. */
    providers: z
      .record(
        z.string().regex(/^[a-z][a-z0-9-]*$/, 'provider ids are lower-case words'),
        z
          .object({
            enabled: z.boolean().default(true),
            apiKey: z.string().min(1).nullable().default(null),
            secret: z.string().min(1).nullable().default(null),
            baseURL: z.url().nullable().default(null),
            maxRenderSeconds: z.coerce.number().int().min(10).default(1800),
            options: z.record(z.string(), z.unknown()).default({}),
          })
          .strict(),
      )
      .default({}),
    /** Only for local emulators on 127.0.0.1: lets the gateway download outputs from loopback. */
    allowLoopbackDownloads: z.boolean().default(false),
    /**
     * Creates per minute per API key, shared by every process on one database; renders each
     * project may have running at once, across every worker.
     */
    limits: z
      .object({
        /** The default for every key; null: no limit. */
        requestsPerMinute: z.coerce.number().int().min(1).max(1_000_000).nullable().default(null),
        /** Videos of one project started and not finished, at most; the rest wait their turn. */
        concurrentRenders: z.coerce.number().int().min(1).max(100_000).default(16),
        /** Per project name, overriding the defaults for that project (and its keys). */
        projects: z.record(z.string().min(1), projectLimitsSchema).default({}),
      })
      .strict()
      .prefault({}),
    /** Names clients send as `model`, each trying one or more models by a strategy. */
    routes: routesSchema,
    /** One per target model, shared through the database by every process. */
    breakers: z
      .object({
        /** Consecutive failed attempts that open a model's breaker. */
        failureThreshold: z.coerce.number().int().min(1).max(1000).default(5),
        /** How long an open breaker keeps routes off the model before one probe may try it. */
        coolDownSeconds: z.coerce.number().int().min(1).max(86_400).default(60),
      })
      .strict()
      .prefault({}),
    policy: policySchema,
    provenance: provenanceSchema,
    /** Prices by model name (`runway/gen4_turbo`, `local`); others keep their list price. */
    prices: z.record(z.string().min(1), priceSchema).default({}),
    engines: z
      .object({
        local: z
          .object({
            enabled: z.boolean().default(true),
            ffmpegPath: z.string().min(1).nullable().default(null),
            ffprobePath: z.string().min(1).nullable().default(null),
            renderTimeoutSeconds: z.coerce.number().int().min(1).default(600),
            /** Renders running at once on this data directory; null: one per core. */
            maxConcurrentRenders: z.coerce.number().int().min(1).max(256).nullable().default(null),
          })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;

/** The projects whose entry in `limits.projects` sets `field`, by name, with its value. */
export function projectOverrides(
  limits: Config['limits'],
  field: 'requestsPerMinute' | 'concurrentRenders',
): Record<string, number> {
  return Object.fromEntries(
    Object.entries(limits.projects).flatMap(([name, entry]) => {
      const value = entry[field];
      return value != null ? [[name, value]] : [];
    }),
  );
}
