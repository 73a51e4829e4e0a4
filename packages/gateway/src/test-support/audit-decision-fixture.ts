import type { NewAuditRecord } from '../db/audit-record.js';

/**
 * Makes audit decisions to append: an allowed pre-check of a prompt in `proj_a`, with the
 * builder's `defaults` and then each call's `overrides` on top. Ids count up per builder, so
 * every decision one builder makes is a new record.
 */
export function auditDecisionBuilder(defaults: Partial<NewAuditRecord> = {}) {
  let counter = 0;
  return (overrides: Partial<NewAuditRecord> = {}): NewAuditRecord => {
    counter += 1;
    return {
      id: `audit_${String(counter).padStart(6, '0')}`,
      projectId: 'proj_a',
      apiKeyId: 'key_1',
      operation: 'create',
      stage: 'pre',
      param: 'prompt',
      decision: 'allowed',
      policyVersion: '2026.12.1',
      promptHmac: 'ab'.repeat(32),
      ...defaults,
      ...overrides,
    };
  };
}
