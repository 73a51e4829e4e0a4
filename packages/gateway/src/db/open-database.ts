import { mkdir } from 'node:fs/promises';
import { migrate } from './migrate.js';
import { openPgliteDatabase } from './pglite-database.js';
import { openPostgresDatabase } from './postgres-database.js';
import type { Database } from './queryable.js';

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string | null }
  | { kind: 'postgres'; connectionString: string; schema?: string; maxConnections?: number };

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  let database: Database;
  if (target.kind === 'pglite') {
    if (target.dataDir != null) await mkdir(target.dataDir, { recursive: true });
    database = await openPgliteDatabase(target.dataDir);
  } else {
    database = await openPostgresDatabase(target);
  }
  try {
    await migrate(database);
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
  return database;
}
