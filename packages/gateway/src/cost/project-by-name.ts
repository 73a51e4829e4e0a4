import { InvalidRequestError, NotFoundError } from '@vgw/spec';
import type { ProjectRecord } from '../db/projects-repository.js';
import type { Queryable } from '../db/queryable.js';

const howProjectsBegin = 'a project exists once a key is created for it';

/** The project of that name, or a NotFoundError that says how projects come to exist. */
export async function projectByName(client: Queryable, name: string): Promise<ProjectRecord> {
  const { rows } = await client.query<ProjectRecord>(
    'select id, name from projects where name = $1',
    [name],
  );
  const found = rows[0];
  if (found == null)
    throw new NotFoundError(`no project named "${name}" (${howProjectsBegin})`, 'project');
  return found;
}

/**
 * The named project or, with no name, the only one there is: a single-project gateway (the
 * embedded CLI's `local`) needs no name, and with several no guess is safe.
 */
export async function namedOrOnlyProject(
  client: Queryable,
  name: string | null,
): Promise<ProjectRecord> {
  if (name != null) return projectByName(client, name);
  const { rows } = await client.query<ProjectRecord & { count: string | number }>(
    'select id, name, count(*) over () as count from projects order by name limit 10',
  );
  const only = rows[0];
  if (only == null) {
    throw new NotFoundError(
      `there is no project yet, so nothing was spent (${howProjectsBegin})`,
      'project',
    );
  }
  const count = Number(only.count);
  if (count === 1) return { id: only.id, name: only.name };
  const names = rows.map((row) => row.name).join(', ');
  throw new InvalidRequestError(
    `there are ${count} projects (${names}${count > rows.length ? ', …' : ''}); name one`,
    'project',
    'project_required',
  );
}
