import { randomBytes } from 'node:crypto';
import type { Database } from '../db/queryable.js';
import { auditChecksFrom } from '../db/audit-record.js';
import type { AuditEntry, AuditWriter } from '../generation/policy-gate.js';
import type { AuditLog } from './open-audit-log.js';

const excerptCharacters = 200;

/**
 * The first characters of a refused prompt, for projects that opted in. Never for minors: that
 * text is not kept anywhere, whatever a project chose (guardrails.md §5.3).
 */
function excerptOf(entry: AuditEntry, optedIn: boolean): string | null {
  if (!optedIn || entry.prompt == null || entry.verdict.decision !== 'refuse') return null;
  if (entry.verdict.category === 'minors') return null;
  return Array.from(entry.prompt).slice(0, excerptCharacters).join('');
}

/** Each decision as one row of the project's hash chain: derivatives, never the content. */
export function policyAuditWriter(
  log: AuditLog,
  database: Database,
  storesExcerpts: (projectId: string) => Promise<boolean>,
): AuditWriter {
  return {
    async append(entry) {
      const { verdict } = entry;
      await log.append(database, {
        id: `audit_${randomBytes(12).toString('hex')}`,
        projectId: entry.projectId,
        apiKeyId: entry.apiKeyId,
        operation: entry.operation,
        stage: verdict.stage,
        param: verdict.param,
        decision: verdict.decision === 'allow' ? 'allowed' : 'refused',
        policyVersion: verdict.version,
        category: verdict.category,
        rules: verdict.rules,
        checks: auditChecksFrom(verdict.checks),
        promptHmac: entry.prompt != null ? log.promptHmac(entry.prompt) : null,
        promptExcerpt: excerptOf(entry, await storesExcerpts(entry.projectId)),
        imageHashes: entry.images,
        videoId: entry.videoId,
        upstreamCode: entry.upstreamCode,
      });
    },
  };
}
