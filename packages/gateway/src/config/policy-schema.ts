import { z } from 'zod';
import { policyCategories } from '../policy/policy-types.js';

const failureMode = z.enum(['closed', 'open']);
const timeoutMs = z.coerce.number().int().min(50).max(60_000).default(3000);
/** Checks on the request's inputs either refuse before any paid call or only record. */
const inputStage = z.enum(['pre', 'log-only']);

const remoteBase = {
  timeoutMs,
  failureMode: failureMode.default('closed'),
  stage: inputStage.default('pre'),
};

const openAiModerationSchema = z
  .object({
    baseURL: z.url().default('https://api.openai.com/v1'),
    apiKey: z.string().min(1),
    model: z.string().min(1).default('omni-moderation-latest'),
    ...remoteBase,
  })
  .strict();

const llamaGuardSchema = z
  .object({
    /** Any OpenAI-compatible chat endpoint: Ollama (`http://127.0.0.1:11434/v1`), vLLM, … */
    baseURL: z.url(),
    model: z.string().min(1).default('llama-guard3'),
    apiKey: z.string().min(1).nullable().default(null),
    supportsImages: z.boolean().default(false),
    ...remoteBase,
  })
  .strict();

const webhookCheckSchema = z
  .object({
    url: z.url(),
    /** Signs each request (HMAC-SHA256) so the receiver knows it came from this gateway. */
    secret: z.string().min(16).nullable().default(null),
    ...remoteBase,
  })
  .strict();

const category = z.enum(policyCategories);

const projectPolicySchema = z
  .object({
    /** Entity ids of the rule pack (`character.pikachu`) this project licensed or has consent for. */
    allowlist: z.array(z.string().min(1)).default([]),
    /** A JSON list of perceptual hashes this project refuses, beside the policy's own. */
    knownImagesFile: z.string().min(1).nullable().default(null),
    /** Categories recorded but not refused for this project; never minors or real_people. */
    logOnlyCategories: z
      .array(category)
      .default([])
      .refine((list) => !list.includes('minors') && !list.includes('real_people'), {
        message: 'minors and real_people are always refused: no project can log them only',
      }),
    /** Keep a redacted excerpt of refused prompts in the audit (off: only an HMAC is kept). */
    storeRefusedExcerpts: z.boolean().default(false),
  })
  .strict();

/** Screening before every paid render and after it, with the audit of every decision. */
export const policySchema = z
  .object({
    enabled: z.boolean().default(true),
    /** A rule pack (YAML or JSON); null: the pack shipped with vgw. */
    file: z.string().min(1).nullable().default(null),
    /** A JSON list of perceptual hashes refused for every project (known protected images). */
    knownImagesFile: z.string().min(1).nullable().default(null),
    images: z
      .object({
        /** Hamming distance out of 64 bits under which two images count as the same picture. */
        hashThreshold: z.coerce.number().int().min(0).max(24).default(8),
        hashFailureMode: failureMode.default('closed'),
        nsfw: z
          .object({
            enabled: z.boolean().default(true),
            stage: inputStage.default('pre'),
            failureMode: failureMode.default('closed'),
          })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({}),
    /** Frames of every finished render through the image checks before it is served. */
    outputs: z
      .object({
        enabled: z.boolean().default(true),
        frames: z.coerce.number().int().min(1).max(16).default(4),
        failureMode: failureMode.default('closed'),
      })
      .strict()
      .prefault({}),
    remote: z
      .object({
        openaiModeration: openAiModerationSchema.nullable().default(null),
        llamaGuard: llamaGuardSchema.nullable().default(null),
        webhook: webhookCheckSchema.nullable().default(null),
      })
      .strict()
      .prefault({}),
    /**
     * The key of the audit's prompt HMACs and hash chain, shared by every server and worker of
     * one database (`VGW_AUDIT_KEY`); null: `audit.key`, generated in the data dir on first use.
     */
    auditKey: z
      .string()
      .min(32, 'an audit key needs at least 32 characters')
      .nullable()
      .default(null),
    projects: z.record(z.string().min(1), projectPolicySchema).default({}),
  })
  .strict()
  .prefault({});

/** How outputs are labelled as AI-generated (C2PA). */
export const provenanceSchema = z
  .object({
    /** `embed`: a manifest inside the MP4 (a sidecar if that fails); `sidecar`: beside it; `off`. */
    mode: z.enum(['embed', 'sidecar', 'off']).default('embed'),
    /** PEM chain and PKCS#8 key; null: a development key generated in the data dir. */
    certificateFile: z.string().min(1).nullable().default(null),
    privateKeyFile: z.string().min(1).nullable().default(null),
  })
  .strict()
  .refine((value) => (value.certificateFile == null) === (value.privateKeyFile == null), {
    message: 'set certificateFile and privateKeyFile together',
  })
  .prefault({});

export type PolicyConfig = z.infer<typeof policySchema>;
export type ProvenanceConfig = z.infer<typeof provenanceSchema>;
