import type { Queryable } from './queryable.js';

export interface ApiKeyRecord {
  id: string;
  projectId: string;
  projectName: string;
  keyPrefix: string;
  createdAt: Date;
  revokedAt: Date | null;
}

interface ApiKeyRow {
  id: string;
  project_id: string;
  project_name: string;
  key_prefix: string;
  created_at: Date;
  revoked_at: Date | null;
}

function toRecord(row: ApiKeyRow): ApiKeyRecord {
  return {
    id: row.id,
    projectId: row.project_id,
    projectName: row.project_name,
    keyPrefix: row.key_prefix,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

const selectKeys = `select k.id, k.project_id, p.name as project_name, k.key_prefix, k.created_at,
  k.revoked_at from api_keys k join projects p on p.id = k.project_id`;

export async function insertApiKey(
  client: Queryable,
  key: { id: string; projectId: string; keyHash: string; keyPrefix: string },
): Promise<void> {
  await client.query(
    'insert into api_keys (id, project_id, key_hash, key_prefix) values ($1, $2, $3, $4)',
    [key.id, key.projectId, key.keyHash, key.keyPrefix],
  );
}

/** The live key with that hash, or null when unknown or revoked. */
export async function findActiveKeyByHash(
  client: Queryable,
  keyHash: string,
): Promise<ApiKeyRecord | null> {
  const result = await client.query<ApiKeyRow>(
    `${selectKeys} where k.key_hash = $1 and k.revoked_at is null`,
    [keyHash],
  );
  const row = result.rows[0];
  return row != null ? toRecord(row) : null;
}

export async function listApiKeys(client: Queryable): Promise<ApiKeyRecord[]> {
  const result = await client.query<ApiKeyRow>(`${selectKeys} order by k.created_at, k.id`);
  return result.rows.map(toRecord);
}

export async function revokeApiKey(client: Queryable, id: string): Promise<boolean> {
  const result = await client.query(
    'update api_keys set revoked_at = now() where id = $1 and revoked_at is null',
    [id],
  );
  return result.rowCount > 0;
}
