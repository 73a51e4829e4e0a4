/** The one place tests learn whether a real Postgres is available (CI sets DATABASE_URL). */
export function testDatabaseUrl(): string | null {
  const url = process.env.DATABASE_URL;
  return url != null && url !== '' ? url : null;
}
