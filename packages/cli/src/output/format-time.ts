/** Unix seconds as `2026-01-31 12:34:56Z`: sortable, unambiguous, short enough for a table. */
export function formatUnixSeconds(seconds: number | null): string {
  if (seconds == null) return '-';
  return new Date(seconds * 1000)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, 'Z');
}
