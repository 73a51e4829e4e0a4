import { z } from 'zod';
import type { CheckOutcome } from '../policy/policy-types.js';

export const auditOperations = ['create', 'remix', 'estimate', 'output', 'upstream'] as const;
export const auditStages = ['pre', 'post', 'log-only'] as const;
export const auditParams = ['prompt', 'input_reference', 'output'] as const;
export const auditDecisions = ['allowed', 'refused'] as const;

export type AuditOperation = (typeof auditOperations)[number];
export type AuditDecision = (typeof auditDecisions)[number];

// Postgres text and jsonb refuse NUL, and a lone surrogate cannot be stored as UTF-8: either
// would make the stored row differ from what was hashed, so both are refused before hashing.
const storableText = z
  .string()
  .refine((text) => !text.includes('\u0000') && !/\p{Cs}/u.test(text), 'not storable text');
const identifier = storableText.pipe(z.string().min(1).max(200));
const hex = (length: number) => z.string().regex(new RegExp(`^[0-9a-f]{${length}}$`));
const nullableIdentifier = identifier.nullable().default(null);

/** What the audit keeps of one check: ids, versions and numbers, never the text it screened. */
export const auditCheckSchema = z.strictObject({
  checkId: identifier,
  checkVersion: identifier,
  /** The ids of the rules that fired. */
  findings: z.array(identifier).default([]),
  scores: z.record(identifier, z.number().finite()).default({}),
  latencyMs: z.number().finite().nonnegative(),
  /** The check's own failure (a timeout, a crash), short and free of screened text. */
  error: storableText.pipe(z.string().max(500)).nullable().default(null),
});

export const auditImageHashSchema = z.strictObject({
  sha256: hex(64),
  /** A 64-bit perceptual hash as 16 hex digits; null when the image could not be hashed so. */
  phash: hex(16).nullable().default(null),
});

export const newAuditRecordSchema = z.strictObject({
  /** Made by the caller's id generator, so a refusal can name its audit event. */
  id: identifier,
  projectId: identifier,
  /** The key's id (`key_…`), never the key. */
  apiKeyId: nullableIdentifier,
  operation: z.enum(auditOperations),
  stage: z.enum(auditStages),
  param: z.enum(auditParams).nullable().default(null),
  decision: z.enum(auditDecisions),
  policyVersion: identifier,
  category: nullableIdentifier,
  rules: z.array(identifier).default([]),
  checks: z.array(auditCheckSchema).default([]),
  promptHmac: hex(64).nullable().default(null),
  /** Only for a project that opted in to keeping an excerpt of refused text. */
  promptExcerpt: storableText.pipe(z.string().max(2000)).nullable().default(null),
  imageHashes: z.array(auditImageHashSchema).default([]),
  /** No foreign key: a refusal has no video, and deleting a video keeps its audit. */
  videoId: nullableIdentifier,
  upstreamCode: nullableIdentifier,
});

export type AuditCheck = z.output<typeof auditCheckSchema>;
export type AuditImageHash = z.output<typeof auditImageHashSchema>;
/** What a caller appends; nullable fields and lists may be left out. */
export type NewAuditRecord = z.input<typeof newAuditRecordSchema>;
export type CheckedAuditRecord = z.output<typeof newAuditRecordSchema>;

export interface AuditRecord extends CheckedAuditRecord {
  /** The database's clock when the row was appended. */
  createdAt: Date;
  /** Per project: 1, 2, 3, … with no gaps. */
  sequence: number;
  prevHash: string;
  rowHash: string;
}

/** The audit's summary of check outcomes: ids, versions, scores, latency and errors. */
export function auditChecksFrom(outcomes: readonly CheckOutcome[]): AuditCheck[] {
  return outcomes.map((outcome) =>
    auditCheckSchema.parse({
      checkId: outcome.checkId,
      checkVersion: outcome.checkVersion,
      findings: outcome.findings.map((finding) => finding.ruleId),
      scores: outcome.scores,
      latencyMs: outcome.latencyMs,
      error: outcome.error != null ? outcome.error.slice(0, 500) : null,
    }),
  );
}
