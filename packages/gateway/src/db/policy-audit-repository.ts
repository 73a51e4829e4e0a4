import { genesisHash, headHmac, rowHash } from './audit-chain.js';
import { newAuditRecordSchema } from './audit-record.js';
import type {
  AuditDecision,
  AuditRecord,
  CheckedAuditRecord,
  NewAuditRecord,
} from './audit-record.js';
import { auditColumns, toAuditRecord, utcText } from './audit-rows.js';
import type { AuditRow } from './audit-rows.js';
import type { Database, Queryable } from './queryable.js';

function isDatabase(client: Queryable | Database): client is Database {
  return 'transaction' in client && typeof client.transaction === 'function';
}

interface LockedHead {
  last_sequence: number | string;
  last_hash: string;
  now_text: string;
}

/**
 * Locks the project's head row, creating it at the genesis link on a first append. The clock is
 * read after the lock is held, so `created_at` follows `sequence`.
 */
async function lockHead(
  client: Queryable,
  auditKey: Uint8Array,
  projectId: string,
): Promise<LockedHead> {
  const lock = () =>
    client.query<LockedHead>(
      `with locked as (
         select last_sequence, last_hash from policy_audit_heads
         where project_id = $1 for update)
       select last_sequence, last_hash, ${utcText('clock_timestamp()')} as now_text from locked`,
      [projectId],
    );
  let head = (await lock()).rows[0];
  if (head == null) {
    const start = { projectId, lastSequence: 0, lastHash: genesisHash };
    // Two first appends at once: the second waits on the first's insert, then finds its row.
    await client.query(
      `insert into policy_audit_heads (project_id, last_sequence, last_hash, head_hmac)
       values ($1, 0, $2, $3) on conflict (project_id) do nothing`,
      [projectId, genesisHash, headHmac(auditKey, start)],
    );
    head = (await lock()).rows[0];
  }
  if (head == null) throw new Error(`the audit head of project ${projectId} could not be locked`);
  return head;
}

async function appendLocked(
  client: Queryable,
  auditKey: Uint8Array,
  record: CheckedAuditRecord,
): Promise<AuditRecord> {
  const head = await lockHead(client, auditKey, record.projectId);
  const previous = Number(head.last_sequence);
  const fields = {
    ...record,
    createdAtText: head.now_text,
    sequence: previous + 1,
    prevHash: head.last_hash,
  };
  const hash = rowHash(auditKey, fields);
  const inserted = await client.query<AuditRow>(
    `insert into policy_audit (id, project_id, api_key_id, created_at, sequence, operation, stage,
       param, decision, policy_version, category, rules, checks, prompt_hmac, prompt_excerpt,
       image_hashes, video_id, upstream_code, prev_hash, row_hash)
     values ($1, $2, $3, $4::timestamptz, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13::jsonb,
       $14, $15, $16::jsonb, $17, $18, $19, $20)
     returning ${auditColumns}`,
    [
      record.id,
      record.projectId,
      record.apiKeyId,
      fields.createdAtText,
      fields.sequence,
      record.operation,
      record.stage,
      record.param,
      record.decision,
      record.policyVersion,
      record.category,
      JSON.stringify(record.rules),
      JSON.stringify(record.checks),
      record.promptHmac,
      record.promptExcerpt,
      JSON.stringify(record.imageHashes),
      record.videoId,
      record.upstreamCode,
      fields.prevHash,
      hash,
    ],
  );
  const next = { projectId: record.projectId, lastSequence: fields.sequence, lastHash: hash };
  // Guarded by the sequence read: outside a transaction a racing append fails here (or on the
  // unique sequence) instead of forking the chain.
  const moved = await client.query(
    `update policy_audit_heads set last_sequence = $2, last_hash = $3, head_hmac = $4,
       updated_at = now()
     where project_id = $1 and last_sequence = $5`,
    [record.projectId, fields.sequence, hash, headHmac(auditKey, next), previous],
  );
  if (moved.rowCount !== 1) {
    throw new Error(`the audit head of project ${record.projectId} moved during an append`);
  }
  return toAuditRecord(inserted.rows[0] as AuditRow);
}

/**
 * Appends one decision to its project's chain. Given a `Database`, in a transaction of its own;
 * given a transaction's client, inside it (the record then commits or rolls back with the
 * caller's work). One project's appends wait for each other on its head row.
 */
export async function appendAuditRecord(
  client: Queryable | Database,
  auditKey: Uint8Array,
  record: NewAuditRecord,
): Promise<AuditRecord> {
  const checked = newAuditRecordSchema.parse(record);
  if (isDatabase(client)) {
    return client.transaction((transaction) => appendLocked(transaction, auditKey, checked));
  }
  return appendLocked(client, auditKey, checked);
}

export interface AuditListFilter {
  projectId?: string;
  /** Only records at or after this time. */
  since?: Date;
  decision?: AuditDecision;
  limit: number;
  /** The id of the last record of the previous page: the next page holds older ones. */
  after?: string;
}

export interface AuditPage {
  /** Newest first. */
  records: AuditRecord[];
  hasMore: boolean;
}

export class UnknownAuditCursorError extends Error {
  constructor(readonly after: string) {
    super(`no audit record with id "${after}"`);
    this.name = 'UnknownAuditCursorError';
  }
}

export async function listAuditRecords(
  client: Queryable,
  filter: AuditListFilter,
): Promise<AuditPage> {
  if (!Number.isInteger(filter.limit) || filter.limit < 1) {
    throw new RangeError(`limit must be a positive integer; got ${filter.limit}`);
  }
  const after = filter.after ?? null;
  if (after != null) {
    const found = await client.query('select 1 from policy_audit where id = $1', [after]);
    if (found.rowCount === 0) throw new UnknownAuditCursorError(after);
  }
  const result = await client.query<AuditRow>(
    `select ${auditColumns} from policy_audit
     where ($1::text is null or project_id = $1)
       and ($2::timestamptz is null or created_at >= $2)
       and ($3::text is null or decision = $3)
       and ($4::text is null
         or (created_at, id) < (select created_at, id from policy_audit where id = $4))
     order by created_at desc, id desc
     limit $5`,
    [
      filter.projectId ?? null,
      filter.since ?? null,
      filter.decision ?? null,
      after,
      filter.limit + 1,
    ],
  );
  const rows = result.rows.slice(0, filter.limit);
  return { records: rows.map(toAuditRecord), hasMore: result.rows.length > filter.limit };
}

/**
 * A project's id from its name or its id: the audit names projects by id, people by name. An
 * id found only in the audit still resolves (the audit outlives its project).
 */
export async function auditProjectId(client: Queryable, nameOrId: string): Promise<string | null> {
  const result = await client.query<{ id: string }>(
    `select id from projects where name = $1 or id = $1
     union all
     select project_id from policy_audit_heads where project_id = $1
     limit 1`,
    [nameOrId],
  );
  return result.rows[0]?.id ?? null;
}
