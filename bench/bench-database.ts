import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../packages/gateway/src/db/open-database.js';
import type { Database } from '../packages/gateway/src/db/queryable.js';

export const postgresUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh embedded database, or a fresh schema on Postgres that `dispose` drops. */
export async function openBenchDatabase(
  kind: 'pglite' | 'postgres',
  maxConnections = 10,
): Promise<{ database: Database; open(): Promise<Database>; dispose(): Promise<void> }> {
  if (kind === 'pglite') {
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    return { database, open: async () => database, dispose: () => database.close() };
  }
  const schema = `vgw_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const open = () =>
    openDatabase({ kind: 'postgres', connectionString: postgresUrl, schema, maxConnections });
  const database = await open();
  const opened = [database];
  return {
    database,
    async open() {
      const another = await open();
      opened.push(another);
      return another;
    },
    async dispose() {
      await Promise.all(opened.map((each) => each.close()));
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    },
  };
}
