import { genesisHash, headHmac, rowHash } from './audit-chain.js';
import { auditColumns, chainedFieldsOf } from './audit-rows.js';
import type { AuditRow } from './audit-rows.js';
import type { Queryable } from './queryable.js';

/**
 * `edited`: a row no longer hashes to its `row_hash`. `deleted`: a sequence number is missing
 * (in the middle, or past the last row, which the head still counts). `reordered`: an intact row
 * does not link to the row before it (or repeats its number). `head mismatch`: the project's head
 * is missing, does not carry a valid HMAC, or names another last row.
 */
export type AuditBreakReason = 'edited' | 'deleted' | 'reordered' | 'head mismatch';

export interface AuditBreak {
  projectId: string;
  /** The sequence number where the chain breaks (for `deleted`, the first one missing). */
  sequence: number;
  /** The row found there (for `deleted`, the next surviving one); null when none is left. */
  id: string | null;
  reason: AuditBreakReason;
}

export interface AuditVerification {
  ok: boolean;
  projects: number;
  /** Rows checked (up to the first broken link). */
  records: number;
  firstBroken?: AuditBreak;
}

export interface VerifyScope {
  projectId?: string;
  /** Rows read per query; the walk never holds more than one page. */
  pageSize?: number;
}

interface HeadRow {
  last_sequence: number | string;
  last_hash: string;
  head_hmac: string;
}

interface ProjectWalk {
  records: number;
  broken?: AuditBreak;
}

interface ChainPosition {
  expected: number;
  prevHash: string;
  lastId: string | null;
}

function checkRow(auditKey: Uint8Array, row: AuditRow, position: ChainPosition): AuditBreak | null {
  const fields = chainedFieldsOf(row);
  const at = { projectId: row.project_id, sequence: fields.sequence, id: row.id };
  if (fields.sequence < position.expected) return { ...at, reason: 'reordered' };
  if (fields.sequence > position.expected) {
    return { ...at, sequence: position.expected, reason: 'deleted' };
  }
  if (rowHash(auditKey, fields) !== row.row_hash) return { ...at, reason: 'edited' };
  if (row.prev_hash !== position.prevHash) return { ...at, reason: 'reordered' };
  return null;
}

function checkHead(
  auditKey: Uint8Array,
  projectId: string,
  head: HeadRow | undefined,
  position: ChainPosition,
): AuditBreak | null {
  const last = position.expected - 1;
  const mismatch = { projectId, sequence: last, id: position.lastId, reason: 'head mismatch' };
  if (head == null) return mismatch as AuditBreak;
  const lastSequence = Number(head.last_sequence);
  const valid = headHmac(auditKey, { projectId, lastSequence, lastHash: head.last_hash });
  if (valid !== head.head_hmac) return mismatch as AuditBreak;
  if (lastSequence > last) return { projectId, sequence: last + 1, id: null, reason: 'deleted' };
  if (lastSequence < last || head.last_hash !== position.prevHash) return mismatch as AuditBreak;
  return null;
}

async function walkProject(
  client: Queryable,
  auditKey: Uint8Array,
  projectId: string,
  pageSize: number,
): Promise<ProjectWalk> {
  const position: ChainPosition = { expected: 1, prevHash: genesisHash, lastId: null };
  let records = 0;
  let cursor: { sequence: number; id: string } = { sequence: 0, id: '' };
  for (;;) {
    const page = await client.query<AuditRow>(
      `select ${auditColumns} from policy_audit
       where project_id = $1 and (sequence, id) > ($2, $3)
       order by sequence, id limit $4`,
      [projectId, cursor.sequence, cursor.id, pageSize],
    );
    for (const row of page.rows) {
      const broken = checkRow(auditKey, row, position);
      if (broken != null) return { records, broken };
      records += 1;
      position.expected += 1;
      position.prevHash = row.row_hash;
      position.lastId = row.id;
      cursor = { sequence: Number(row.sequence), id: row.id };
    }
    if (page.rows.length < pageSize) break;
  }
  const head = await client.query<HeadRow>(
    'select last_sequence, last_hash, head_hmac from policy_audit_heads where project_id = $1',
    [projectId],
  );
  const broken = checkHead(auditKey, projectId, head.rows[0], position);
  return broken != null ? { records, broken } : { records };
}

/** The next project, in id order, that has audit rows or a head (either may be all that is left). */
async function nextProject(client: Queryable, after: string | null): Promise<string | null> {
  const result = await client.query<{ project_id: string | null }>(
    `select min(project_id) as project_id from (
       select min(project_id) as project_id from policy_audit_heads
       where $1::text is null or project_id > $1
       union all
       select min(project_id) from policy_audit where $1::text is null or project_id > $1
     ) candidates`,
    [after],
  );
  return result.rows[0]?.project_id ?? null;
}

/** The project if it has audit rows or a head, else null. */
async function auditedProject(client: Queryable, projectId: string): Promise<string | null> {
  const result = await client.query(
    `select 1 from policy_audit_heads where project_id = $1
     union all
     select 1 from policy_audit where project_id = $1 limit 1`,
    [projectId],
  );
  return result.rowCount > 0 ? projectId : null;
}

/**
 * Walks every project's chain (or one project's) in sequence order, a page at a time, and stops
 * at the first broken link. Rows are checked against the key, so rewriting a row and every hash
 * after it is caught by anyone without the key.
 */
export async function verifyAuditChain(
  client: Queryable,
  auditKey: Uint8Array,
  scope: VerifyScope = {},
): Promise<AuditVerification> {
  const pageSize = scope.pageSize ?? 500;
  let projects = 0;
  let records = 0;
  let projectId =
    scope.projectId != null
      ? await auditedProject(client, scope.projectId)
      : await nextProject(client, null);
  while (projectId != null) {
    projects += 1;
    const walk = await walkProject(client, auditKey, projectId, pageSize);
    records += walk.records;
    if (walk.broken != null) return { ok: false, projects, records, firstBroken: walk.broken };
    projectId = scope.projectId != null ? null : await nextProject(client, projectId);
  }
  return { ok: true, projects, records };
}
