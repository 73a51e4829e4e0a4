import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable, QueryResult } from './queryable.js';

// PGlite reports affectedRows 0 for a SELECT (even one whose CTE updated rows), so rows returned
// win; a plain UPDATE/DELETE without RETURNING has only affectedRows.
function toResult<Row>(result: { rows: Row[]; affectedRows?: number }): QueryResult<Row> {
  const rowCount = result.rows.length > 0 ? result.rows.length : (result.affectedRows ?? 0);
  return { rows: result.rows, rowCount };
}

/** Embedded Postgres in-process. `dataDir` null keeps it in memory (tests). */
export async function openPgliteDatabase(dataDir: string | null): Promise<Database> {
  const pglite = dataDir != null ? await PGlite.create(dataDir) : await PGlite.create();
  const queryable: Queryable = {
    async query<Row>(sql: string, params: unknown[] = []) {
      return toResult(await pglite.query<Row>(sql, params));
    },
    async exec(sql: string) {
      await pglite.exec(sql);
    },
  };
  return {
    kind: 'pglite',
    query: queryable.query,
    exec: queryable.exec,
    transaction: (work) =>
      pglite.transaction((transaction) =>
        work({
          async query<Row>(sql: string, params: unknown[] = []) {
            return toResult(await transaction.query<Row>(sql, params));
          },
          async exec(sql: string) {
            await transaction.exec(sql);
          },
        }),
      ),
    async listen(channel, onNotify) {
      const unsubscribe = await pglite.listen(channel, onNotify);
      return async () => unsubscribe();
    },
    async notify(channel, payload) {
      await pglite.query('select pg_notify($1, $2)', [channel, payload]);
    },
    close: () => pglite.close(),
  };
}
