import { createHmac, hkdfSync } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { CheckedAuditRecord } from './audit-record.js';

/** The `prev_hash` of a project's first row. */
export const genesisHash = '0'.repeat(64);

/** The audit key is 32 random bytes or more, kept outside the database (the data dir or config). */
export const minimumAuditKeyBytes = 32;

/** What a row's hash covers: every stored field but the hash itself. */
export interface ChainedFields extends CheckedAuditRecord {
  /** The database's microsecond UTC text of `created_at` (what it prints is what is hashed). */
  createdAtText: string;
  sequence: number;
  prevHash: string;
}

export interface ChainHead {
  projectId: string;
  lastSequence: number;
  lastHash: string;
}

const chainKeys = new WeakMap<Uint8Array, Buffer>();

/**
 * The chain is keyed by a key derived from the audit key, never by the audit key itself: the
 * same key may make prompt HMACs, and a prompt crafted to equal a row's canonical JSON must not
 * yield a valid row hash.
 */
function chainKey(auditKey: Uint8Array): Buffer {
  if (auditKey.byteLength < minimumAuditKeyBytes) {
    throw new RangeError(`the audit key must be at least ${minimumAuditKeyBytes} bytes`);
  }
  let derived = chainKeys.get(auditKey);
  if (derived == null) {
    derived = Buffer.from(hkdfSync('sha256', auditKey, '', 'vgw policy audit chain v1', 32));
    chainKeys.set(auditKey, derived);
  }
  return derived;
}

function keyedHash(auditKey: Uint8Array, document: Record<string, unknown>): string {
  const text = canonicalize(document);
  if (text == null) throw new TypeError('nothing to hash');
  return createHmac('sha256', chainKey(auditKey)).update(text, 'utf8').digest('hex');
}

/**
 * HMAC-SHA256 of the row's canonical JSON (RFC 8785: sorted keys, one number form), field by
 * field by name, so that jsonb's key order and a driver's number parsing change nothing.
 */
export function rowHash(auditKey: Uint8Array, fields: ChainedFields): string {
  return keyedHash(auditKey, {
    format: 'vgw-policy-audit/1',
    id: fields.id,
    projectId: fields.projectId,
    apiKeyId: fields.apiKeyId,
    createdAt: fields.createdAtText,
    sequence: fields.sequence,
    operation: fields.operation,
    stage: fields.stage,
    param: fields.param,
    decision: fields.decision,
    policyVersion: fields.policyVersion,
    category: fields.category,
    rules: fields.rules,
    checks: fields.checks,
    promptHmac: fields.promptHmac,
    promptExcerpt: fields.promptExcerpt,
    imageHashes: fields.imageHashes,
    videoId: fields.videoId,
    upstreamCode: fields.upstreamCode,
    prevHash: fields.prevHash,
  });
}

/** Keys the head too, so moving it back over a deleted tail needs the key as well. */
export function headHmac(auditKey: Uint8Array, head: ChainHead): string {
  return keyedHash(auditKey, {
    format: 'vgw-policy-audit-head/1',
    projectId: head.projectId,
    lastSequence: head.lastSequence,
    lastHash: head.lastHash,
  });
}
