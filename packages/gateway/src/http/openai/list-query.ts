import { InvalidRequestError } from '@vgw/spec';

/** `after`, `limit` (1-100, default 20) and `order` (default desc), as OpenAI's list endpoints. */
export function parseListQuery(query: Record<string, string>): {
  after: string | null;
  limit: number;
  order: 'asc' | 'desc';
} {
  const limit = query.limit != null ? Number(query.limit) : 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw new InvalidRequestError('limit must be an integer from 1 to 100', 'limit');
  }
  const order = query.order ?? 'desc';
  if (order !== 'asc' && order !== 'desc') {
    throw new InvalidRequestError('order must be "asc" or "desc"', 'order');
  }
  const after = query.after != null && query.after !== '' ? query.after : null;
  return { after, limit, order };
}
