import { InvalidRequestError } from '@vgw/spec';
import type { Context } from 'hono';
import type { AppEnv } from '../app-deps.js';

/** The `Idempotency-Key` header, checked; null when the client sent none. */
export function idempotencyKeyOf(context: Context<AppEnv>): string | null {
  const key = context.req.header('idempotency-key');
  if (key == null) return null;
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new InvalidRequestError(
      'Idempotency-Key must be 1-255 printable ASCII characters',
      'Idempotency-Key',
    );
  }
  return key;
}
