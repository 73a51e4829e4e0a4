/**
 * The delay a server asked for: `retry-after-ms` first, then `Retry-After` as seconds or an HTTP
 * date. Null when absent, unparseable or outside 0–10 minutes (a hint that large is a bug on
 * their side, and our own backoff is safer).
 */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | null {
  const milliseconds = headers.get('retry-after-ms');
  if (milliseconds != null) {
    const value = Number(milliseconds);
    if (Number.isFinite(value) && value >= 0 && value <= 600_000) return value;
  }
  const header = headers.get('retry-after');
  if (header == null) return null;
  const seconds = Number(header);
  if (header.trim() !== '' && Number.isFinite(seconds)) {
    return seconds >= 0 && seconds <= 600 ? seconds * 1000 : null;
  }
  const date = Date.parse(header);
  if (Number.isNaN(date)) return null;
  const delay = date - now;
  return delay >= 0 && delay <= 600_000 ? delay : 0;
}
