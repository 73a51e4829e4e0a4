import { afterEach, describe, expect, it } from 'vitest';
import {
  openTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '../test-support/test-databases.js';
import { loadMigrations, migrate } from './migrate.js';

describe.each(testDatabaseKinds())('migrations on %s', (kind) => {
  let test: TestDatabase | null = null;
  afterEach(async () => {
    await test?.dispose();
    test = null;
  });

  it('creates every table once and is a no-op the second time', async () => {
    test = await openTestDatabase(kind);
    const migrations = await loadMigrations();
    expect(migrations.map((migration) => migration.version)).toEqual(
      migrations.map((_, index) => index + 1),
    );
    const tables = await test.database.query<{ table_name: string }>(
      `select table_name from information_schema.tables
       where table_schema = current_schema() order by table_name`,
    );
    expect(tables.rows.map((row) => row.table_name)).toEqual([
      'api_keys',
      'budgets',
      'dataset_exports',
      'engine_breakers',
      'ledger_entries',
      'media_probes',
      'policy_audit',
      'policy_audit_heads',
      'projects',
      'rate_windows',
      'schema_migrations',
      'sequences',
      'storyboard_shots',
      'storyboards',
      'video_attempts',
      'video_events',
      'video_files',
      'video_ratings',
      'video_scores',
      'videos',
      'webhook_receipts',
    ]);
    const downloaded = await test.database.query<{ data_type: string }>(
      `select data_type from information_schema.columns where table_schema = current_schema()
         and table_name = 'videos' and column_name = 'first_downloaded_at'`,
    );
    expect(downloaded.rows).toEqual([{ data_type: 'timestamp with time zone' }]);
    expect(await migrate(test.database)).toEqual([]);
  });

  it('rolls back a failing migration whole', async () => {
    test = await openTestDatabase(kind);
    const broken = [
      { version: 999, name: '0999-broken.sql', sql: 'create table half (id int); select nope;' },
    ];
    await expect(migrate(test.database, broken)).rejects.toThrow();
    const half = await test.database.query(
      `select 1 from information_schema.tables where table_name = 'half' and table_schema = current_schema()`,
    );
    expect(half.rowCount).toBe(0);
  });
});
