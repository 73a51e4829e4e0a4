import { NotFoundError } from '@vgw/spec';
import type { Context } from 'hono';

/** Every id vgw hands out is short ASCII; anything else names no video and never reaches SQL. */
const plausibleVideoId = /^[A-Za-z0-9_-]{1,128}$/;

/** The `{id}` of a video path, or the 404 a client gets for an id that cannot exist. */
export function videoIdParam(context: Context): string {
  const id = context.req.param('id') ?? '';
  if (!plausibleVideoId.test(id)) {
    throw new NotFoundError(`no video with id ${JSON.stringify(id)}`, 'video_id');
  }
  return id;
}
