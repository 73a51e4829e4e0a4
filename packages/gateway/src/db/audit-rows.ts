import type { ChainedFields } from './audit-chain.js';
import type { AuditRecord, CheckedAuditRecord } from './audit-record.js';

/** A stored row as read, unchecked: a tampered row must still be read, to be named. */
export interface AuditRow {
  id: string;
  project_id: string;
  api_key_id: string | null;
  created_at: Date;
  created_at_text: string;
  sequence: number | string | bigint;
  operation: string;
  stage: string;
  param: string | null;
  decision: string;
  policy_version: string;
  category: string | null;
  rules: unknown;
  checks: unknown;
  prompt_hmac: string | null;
  prompt_excerpt: string | null;
  image_hashes: unknown;
  video_id: string | null;
  upstream_code: string | null;
  prev_hash: string;
  row_hash: string;
}

/** The microsecond UTC text of a timestamptz, as both Postgres and PGlite print it. */
export function utcText(column: string): string {
  return `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

export const auditColumns = `id, project_id, api_key_id, created_at,
  ${utcText('created_at')} as created_at_text, sequence, operation, stage, param, decision,
  policy_version, category, rules, checks, prompt_hmac, prompt_excerpt, image_hashes, video_id,
  upstream_code, prev_hash, row_hash`;

/** The row's fields as the chain hashes them: exactly what was read, whatever it holds. */
export function chainedFieldsOf(row: AuditRow): ChainedFields {
  // Unchecked on purpose: an edited row hashes to something else and is named, not refused.
  const fields = {
    id: row.id,
    projectId: row.project_id,
    apiKeyId: row.api_key_id,
    operation: row.operation,
    stage: row.stage,
    param: row.param,
    decision: row.decision,
    policyVersion: row.policy_version,
    category: row.category,
    rules: row.rules,
    checks: row.checks,
    promptHmac: row.prompt_hmac,
    promptExcerpt: row.prompt_excerpt,
    imageHashes: row.image_hashes,
    videoId: row.video_id,
    upstreamCode: row.upstream_code,
  } as CheckedAuditRecord;
  return {
    ...fields,
    createdAtText: row.created_at_text,
    sequence: Number(row.sequence),
    prevHash: row.prev_hash,
  };
}

export function toAuditRecord(row: AuditRow): AuditRecord {
  const fields: Partial<ChainedFields> = chainedFieldsOf(row);
  delete fields.createdAtText;
  return {
    ...(fields as Omit<ChainedFields, 'createdAtText'>),
    createdAt: row.created_at,
    rowHash: row.row_hash,
  };
}
