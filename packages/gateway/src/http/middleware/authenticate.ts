import { AuthenticationError } from '@vgw/spec';
import type { MiddlewareHandler } from 'hono';
import type { AppVariables } from './request-context.js';

/** Resolves a bearer token to its project, or null when the key is unknown or revoked. */
export type Authenticator = (token: string) => Promise<{ projectId: string } | null>;

export function authenticate(
  authenticator: Authenticator,
): MiddlewareHandler<{ Variables: AppVariables }> {
  return async (context, next) => {
    const header = context.req.header('authorization');
    const match = header != null ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (match == null) {
      throw new AuthenticationError('missing API key: send "Authorization: Bearer <key>"');
    }
    const identity = await authenticator(match[1] as string);
    if (identity == null) throw new AuthenticationError('invalid or revoked API key');
    context.set('projectId', identity.projectId);
    await next();
  };
}
