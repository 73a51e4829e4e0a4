import { InvalidRequestError } from '@vgw/spec';

/** `after`, `limit` (1-100, default 20) and `order` (default desc), as OpenAI's list endpoints. */
export function parseListQuery(query: Record<string, string>): {
  after: string | null;
  limit: number;
  order: 'asc' | 'desc';
} {
  // Number() would also take "0x10", "1e1" and " 5 ": only plain decimal digits are a limit.
  const limit =
    query.limit == null ? 20 : /^\d{1,3}$/.test(query.limit) ? Number(query.limit) : NaN;
  if (!(limit >= 1 && limit <= 100)) {
    throw new InvalidRequestError('limit must be an integer from 1 to 100', 'limit');
  }
  const order = query.order ?? 'desc';
  if (order !== 'asc' && order !== 'desc') {
    throw new InvalidRequestError('order must be "asc" or "desc"', 'order');
  }
  const after = query.after != null && query.after !== '' ? query.after : null;
  if (after != null && !/^[A-Za-z0-9_-]{1,128}$/.test(after)) {
    throw new InvalidRequestError('after must be the id of a video in this project', 'after');
  }
  return { after, limit, order };
}
