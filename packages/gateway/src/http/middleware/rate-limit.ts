import { GatewayError } from '@vgw/spec';
import type { MiddlewareHandler } from 'hono';
import type { Database } from '../../db/queryable.js';
import { countCreate } from '../../db/rate-windows-repository.js';
import type { AppVariables } from './request-context.js';

/** Creates per minute per API key: a default, and per-project overrides by project name. */
export interface CreateRateLimits {
  requestsPerMinute: number | null;
  projects: Record<string, number>;
}

/** Over the key's limit: OpenAI's 429 shape, with when the window resets. */
export class RateLimitExceededError extends GatewayError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, { status: 429, code: 'rate_limit_exceeded', type: 'requests', retryable: true });
  }
}

/** OpenAI's duration format for `x-ratelimit-reset-requests`: `12s`, `1m0s`. */
function resetText(seconds: number): string {
  return seconds >= 60 ? `${Math.floor(seconds / 60)}m${seconds % 60}s` : `${seconds}s`;
}

/**
 * Counts every create against its key's minute and answers OpenAI's rate-limit headers on each;
 * past the limit, a 429 before anything is parsed or written. Without a limit configured, or for
 * a caller without a key id, nothing is counted or added.
 */
export function limitCreates(
  database: Database,
  limits: CreateRateLimits,
): MiddlewareHandler<{ Variables: AppVariables }> {
  const anyLimit = limits.requestsPerMinute != null || Object.keys(limits.projects).length > 0;
  return async (context, next) => {
    const apiKeyId = context.get('apiKeyId');
    if (!anyLimit || apiKeyId == null) return next();
    const counted = await countCreate(database, {
      projectId: context.get('projectId'),
      apiKeyId,
      defaultLimit: limits.requestsPerMinute,
      projectLimits: limits.projects,
    });
    if (counted.limit == null) return next();
    context.header('x-ratelimit-limit-requests', String(counted.limit));
    context.header(
      'x-ratelimit-remaining-requests',
      String(Math.max(0, counted.limit - counted.count)),
    );
    context.header('x-ratelimit-reset-requests', resetText(counted.resetSeconds));
    if (counted.count > counted.limit) {
      throw new RateLimitExceededError(
        `rate limit reached: ${counted.limit} video creates per minute for this API key; try again in ${counted.resetSeconds} s`,
        Math.max(1, counted.resetSeconds),
      );
    }
    return next();
  };
}
