import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database } from './queryable.js';

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));
// Any constant works; it only has to be the same for every vgw process on one database.
const migrationLockId = 7_261_304;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export async function loadMigrations(directory = migrationsDir): Promise<Migration[]> {
  const names = (await readdir(directory)).filter((name) => /^\d{4}-.+\.sql$/.test(name)).sort();
  return Promise.all(
    names.map(async (name) => ({
      version: Number(name.slice(0, 4)),
      name,
      sql: await readFile(`${directory}${name}`, 'utf8'),
    })),
  );
}

/**
 * Applies forward-only migrations in order, each in its own transaction. An advisory lock makes
 * several processes starting at once on one Postgres apply each migration exactly once.
 */
export async function migrate(database: Database, migrations?: Migration[]): Promise<number[]> {
  const pending = migrations ?? (await loadMigrations());
  return database.transaction(async (client) => {
    await client.query('select pg_advisory_xact_lock($1)', [migrationLockId]);
    await client.query(`create table if not exists schema_migrations (
      version integer primary key,
      name text not null,
      applied_at timestamptz not null default now())`);
    const applied = await client.query<{ version: number }>(
      'select version from schema_migrations',
    );
    const done = new Set(applied.rows.map((row) => row.version));
    const appliedNow: number[] = [];
    for (const migration of pending) {
      if (done.has(migration.version)) continue;
      await client.exec(migration.sql);
      await client.query('insert into schema_migrations (version, name) values ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      appliedNow.push(migration.version);
    }
    return appliedNow;
  });
}
