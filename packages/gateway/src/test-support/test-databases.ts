import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach } from 'vitest';
import { testDatabaseUrl } from '../config/test-environment.js';
import { openDatabase } from '../db/open-database.js';
import type { Database } from '../db/queryable.js';

export type TestDatabaseKind = 'pglite' | 'postgres';

/** PGlite always; real Postgres too when DATABASE_URL is set (CI sets it). */
export function testDatabaseKinds(): TestDatabaseKind[] {
  return testDatabaseUrl() != null ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase {
  database: Database;
  /** A second, independent connection pool on the same database (a "second process"). */
  openAnother(): Promise<Database>;
  /** Drops the test's schema unless `keep` (keep it when a test failed, to look at it). */
  dispose(options?: { keep?: boolean }): Promise<void>;
}

/** Each call gets an empty database: in-memory PGlite, or a fresh schema on Postgres. */
export async function openTestDatabase(kind: TestDatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    return {
      database,
      openAnother: async () => database,
      dispose: () => database.close(),
    };
  }
  const connectionString = testDatabaseUrl();
  if (connectionString == null) throw new Error('DATABASE_URL is not set');
  const schema = `vgw_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const open = () => openDatabase({ kind: 'postgres', connectionString, schema });
  const database = await open();
  const others: Database[] = [];
  return {
    database,
    async openAnother() {
      const other = await open();
      others.push(other);
      return other;
    },
    async dispose(options) {
      await Promise.all([database, ...others].map((each) => each.close()));
      if (options?.keep === true) return;
      const cleaner = new pg.Client({ connectionString });
      await cleaner.connect();
      await cleaner.query(`drop schema ${schema} cascade`);
      await cleaner.end();
    },
  };
}

/**
 * For a describe block: `open()` gives the test an empty database, disposed after it, and
 * `openAnother()` a second pool on the same one.
 */
export function useTestDatabases(kind: TestDatabaseKind) {
  let current: TestDatabase | null = null;
  afterEach(async () => {
    await current?.dispose();
    current = null;
  });
  return {
    async open(): Promise<Database> {
      current = await openTestDatabase(kind);
      return current.database;
    },
    openAnother(): Promise<Database> {
      if (current == null) throw new Error('open() a test database first');
      return current.openAnother();
    },
  };
}
