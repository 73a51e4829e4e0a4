import { createHash, randomBytes } from 'node:crypto';
import { InvalidRequestError } from '@vgw/spec';
import {
  findActiveKeyByHash,
  insertApiKey,
  listApiKeys,
  revokeApiKey,
} from '../db/api-keys-repository.js';
import type { ApiKeyRecord } from '../db/api-keys-repository.js';
import { ensureProject } from '../db/projects-repository.js';
import type { Queryable } from '../db/queryable.js';

const keyPattern = /^vgw_sk_[A-Za-z0-9_-]{43}$/;

export function isValidProjectName(name: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(name);
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export interface CreatedApiKey {
  id: string;
  key: string;
  projectId: string;
  projectName: string;
}

/** Mints a key; the plain key is returned once and only its hash is stored. */
export async function createApiKey(client: Queryable, projectName: string): Promise<CreatedApiKey> {
  if (!isValidProjectName(projectName)) {
    throw new InvalidRequestError(
      `project name "${projectName}" is not valid: use 1-64 letters, digits, ".", "_" or "-"`,
      'project',
    );
  }
  const project = await ensureProject(client, {
    id: `proj_${randomBytes(12).toString('hex')}`,
    name: projectName,
  });
  const key = `vgw_sk_${randomBytes(32).toString('base64url')}`;
  const id = `key_${randomBytes(8).toString('hex')}`;
  await insertApiKey(client, {
    id,
    projectId: project.id,
    keyHash: hashApiKey(key),
    keyPrefix: key.slice(0, 11),
  });
  return { id, key, projectId: project.id, projectName: project.name };
}

export async function verifyApiKey(client: Queryable, key: string): Promise<ApiKeyRecord | null> {
  if (!keyPattern.test(key)) return null;
  return findActiveKeyByHash(client, hashApiKey(key));
}

export { listApiKeys, revokeApiKey };
