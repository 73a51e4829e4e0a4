import type { AuditOperation } from '../db/audit-record.js';
import type { PolicyEngine } from '../policy/policy-engine.js';
import type { ProjectPolicy } from '../policy/policy-check.js';
import type { PolicyVerdict } from '../policy/policy-types.js';

export type { AuditOperation };

/** One decision for the audit: derivatives only (hashes, ids, scores), never the content itself. */
export interface AuditEntry {
  projectId: string;
  apiKeyId: string | null;
  operation: AuditOperation;
  verdict: PolicyVerdict;
  /** Kept as a keyed HMAC; an excerpt only where the project opted in and never for minors. */
  prompt: string | null;
  images: { sha256: string; phash: string | null }[];
  videoId: string | null;
  upstreamCode: string | null;
}

export interface AuditWriter {
  append(entry: AuditEntry): Promise<void>;
}

/** The policy as generation sees it: the engine, each project's own settings, the audit. */
export interface PolicyGate {
  engine: PolicyEngine;
  projectPolicy(projectId: string): Promise<ProjectPolicy>;
  /** A 64-bit perceptual hash (16 hex digits) for the audit; null when it cannot be made. */
  perceptualHash?: (bytes: Uint8Array) => Promise<string | null>;
  audit: AuditWriter;
  /** Frames of a finished render for the post checks; absent: outputs are not screened. */
  sampleFrames?: (videoPath: string) => Promise<Uint8Array[]>;
  /** What frames that cannot be read decide: `closed` refuses the output. */
  outputFailureMode: 'closed' | 'open';
}
