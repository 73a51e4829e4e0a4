import { GatewayError } from '@vgw/spec';

/**
 * Every target a route could use has its circuit breaker open: the request itself is fine, so
 * a 503 with when the first breaker lets a probe through, not a 400.
 */
export class RouteUnavailableError extends GatewayError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, {
      status: 503,
      code: 'route_unavailable',
      type: 'server_error',
      param: 'model',
      retryable: true,
    });
  }
}
