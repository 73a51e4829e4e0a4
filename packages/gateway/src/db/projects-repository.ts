import type { Queryable } from './queryable.js';

export interface ProjectRecord {
  id: string;
  name: string;
}

/** Returns the project of that name, creating it if needed (safe under concurrent callers). */
export async function ensureProject(
  client: Queryable,
  project: { id: string; name: string },
): Promise<ProjectRecord> {
  await client.query(
    'insert into projects (id, name) values ($1, $2) on conflict (name) do nothing',
    [project.id, project.name],
  );
  const result = await client.query<ProjectRecord>(
    'select id, name from projects where name = $1',
    [project.name],
  );
  return result.rows[0] as ProjectRecord;
}
