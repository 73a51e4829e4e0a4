import type { Config } from '../config/config-schema.js';
import { verifyAuditChain } from '../db/audit-chain-verification.js';
import type { AuditVerification } from '../db/audit-chain-verification.js';
import type { AuditRecord, NewAuditRecord } from '../db/audit-record.js';
import {
  appendAuditRecord,
  auditProjectId,
  listAuditRecords,
} from '../db/policy-audit-repository.js';
import type { AuditListFilter, AuditPage } from '../db/policy-audit-repository.js';
import { promptHmac } from '../db/prompt-hmac.js';
import type { Database, Queryable } from '../db/queryable.js';
import { auditKeyPath, loadOrCreateAuditKey, readAuditKey } from './audit-key-file.js';

/** The policy audit of one gateway: its database, and its key from the data dir. */
export interface AuditLog {
  /** Where the key is (or would be) kept. */
  readonly keyPath: string;
  /** In `client`'s transaction when it is one, else in a transaction of its own. */
  append(client: Queryable | Database, record: NewAuditRecord): Promise<AuditRecord>;
  list(filter: AuditListFilter): Promise<AuditPage>;
  verify(scope?: { projectId?: string }): Promise<AuditVerification>;
  /** The HMAC of a prompt under this gateway's audit key. */
  promptHmac(prompt: string): string;
  /** A project's id from its name or id; null when neither a project nor an audited one. */
  projectId(nameOrId: string): Promise<string | null>;
}

export class AuditKeyMissingError extends Error {
  override name = 'AuditKeyMissingError';
}

async function hasAuditRows(database: Queryable): Promise<boolean> {
  const result = await database.query(
    `select 1 from policy_audit_heads union all select 1 from policy_audit limit 1`,
  );
  return result.rowCount > 0;
}

/** Where a configured key came from, in place of a file path in messages. */
export const configuredKeySource = 'config policy.auditKey (VGW_AUDIT_KEY)';

/**
 * `create: true` (the server) makes the key on first use; `create: false` (the CLI's reading
 * commands) never does: verifying with a fresh key would call every row edited, so with rows
 * and no key, verify says which file is missing.
 */
export async function openAuditLog(
  gateway: { config: Config; database: Database },
  options: { create: boolean },
): Promise<AuditLog> {
  const { database } = gateway;
  const configured = gateway.config.policy.auditKey;
  const keyPath = configured != null ? configuredKeySource : auditKeyPath(gateway.config.dataDir);
  const key =
    configured != null
      ? Buffer.from(configured, 'utf8')
      : options.create
        ? await loadOrCreateAuditKey(keyPath)
        : await readAuditKey(keyPath);
  const requireKey = (): Buffer => {
    if (key == null) throw new AuditKeyMissingError(`no audit key at ${keyPath}`);
    return key;
  };
  return {
    keyPath,
    append: async (client, record) => appendAuditRecord(client, requireKey(), record),
    list: (filter) => listAuditRecords(database, filter),
    async verify(scope = {}) {
      if (key == null && !(await hasAuditRows(database))) {
        return { ok: true, projects: 0, records: 0 };
      }
      return verifyAuditChain(database, requireKey(), scope);
    },
    promptHmac: (prompt) => promptHmac(requireKey(), prompt),
    projectId: (nameOrId) => auditProjectId(database, nameOrId),
  };
}
