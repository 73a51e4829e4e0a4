import { AuthenticationError } from '@vgw/spec';
import type { MiddlewareHandler } from 'hono';
import type { AppVariables } from './request-context.js';

/** Who a bearer token is: its project and (for budgets and usage) the key's id. */
export interface Identity {
  projectId: string;
  apiKeyId?: string | null;
}

/** Resolves a bearer token to its identity, or null when the key is unknown or revoked. */
export type Authenticator = (token: string) => Promise<Identity | null>;

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
    context.set('apiKeyId', identity.apiKeyId ?? null);
    await next();
  };
}
