import pg from 'pg';
import type { Database, Queryable, QueryResult } from './queryable.js';

// timestamptz stays a Date; int8 (bigint counts, micro-USD sums) parses to number while it is
// within 2^53, which every count and amount here is.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export interface PostgresOptions {
  connectionString: string;
  /** Schema put first on the search_path of every connection (tests isolate themselves so). */
  schema?: string;
  maxConnections?: number;
}

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<Row>(sql: string, params: unknown[] = []): Promise<QueryResult<Row>> {
      const result = await client.query(sql, params);
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? result.rows.length };
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}

export async function openPostgresDatabase(options: PostgresOptions): Promise<Database> {
  const searchPath = options.schema != null ? `-c search_path=${options.schema},public` : undefined;
  const poolConfig: pg.PoolConfig = {
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
  };
  if (searchPath != null) poolConfig.options = searchPath;
  const pool = new pg.Pool(poolConfig);
  // An idle client that loses its connection must not crash the process.
  pool.on('error', () => undefined);
  const pooled = wrap(pool);
  // One promise, not `listener ??= await connect()`: two workers listening at once would
  // otherwise open two connections and leak one, and pool.end() would then wait forever.
  let listener: Promise<pg.PoolClient> | null = null;
  return {
    kind: 'postgres',
    query: pooled.query,
    exec: pooled.exec,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work(wrap(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, onNotify) {
      listener ??= pool.connect();
      const client = await listener;
      const handler = (message: pg.Notification) => {
        if (message.channel === channel) onNotify(message.payload ?? '');
      };
      client.on('notification', handler);
      await client.query(`listen "${channel.replaceAll('"', '')}"`);
      return async () => {
        client.off('notification', handler);
        await client.query(`unlisten "${channel.replaceAll('"', '')}"`).catch(() => undefined);
      };
    },
    async notify(channel, payload) {
      await pool.query('select pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      const pending = listener;
      listener = null;
      if (pending != null) (await pending.catch(() => null))?.release();
      await pool.end();
    },
  };
}
