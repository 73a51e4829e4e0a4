import { NotFoundError } from '@vgw/spec';
import type { Context } from 'hono';

/** The `{id}` of a sequence path; an id that cannot exist is a 404 before any query. */
export function sequenceIdParam(context: Context): string {
  const id = context.req.param('id') ?? '';
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(id)) {
    throw new NotFoundError(`no sequence with id ${JSON.stringify(id)}`, 'sequence_id');
  }
  return id;
}
