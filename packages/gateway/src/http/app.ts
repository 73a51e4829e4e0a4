import { GatewayError, NotFoundError } from '@vgw/spec';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps, AppEnv } from './app-deps.js';
import { authenticate } from './middleware/authenticate.js';
import { errorBody, renderError } from './middleware/error-handler.js';
import { exceptBodylessRequests } from './middleware/except-bodyless-requests.js';
import { requestContext } from './middleware/request-context.js';
import { datasetsRoutes } from './routes/datasets-routes.js';
import { listEngines } from './routes/engines-route.js';
import { openApiDocument } from './routes/openapi-document.js';
import { sequencesRoutes } from './routes/sequences-routes.js';
import { storyboardsRoutes } from './routes/storyboards-routes.js';
import { serveUsage } from './routes/usage-route.js';
import { videosRoutes } from './routes/videos-routes.js';
import { receiveWebhook, webhookMaxBodyBytes } from './routes/webhooks-route.js';

/** 413 naming `body`, decided from Content-Length or while streaming, before a handler reads it. */
function refuseBodiesOver(maxBytes: number) {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new GatewayError(`request body is larger than ${maxBytes} bytes`, {
        status: 413,
        code: 'request_too_large',
        param: 'body',
      });
    },
  });
  return exceptBodylessRequests(limit);
}

/** The whole HTTP surface, with every dependency injected (tests drive it via `app.request`). */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requestContext());
  app.onError((error, context) => renderError(error, context, deps.logger));
  app.notFound((context) =>
    context.json(
      errorBody(
        `no route for ${context.req.method} ${context.req.path}`,
        'invalid_request_error',
        null,
        'not_found',
      ),
      404,
    ),
  );

  app.get('/healthz', (context) => context.json({ status: 'ok' }));
  app.get('/readyz', async (context) => {
    try {
      await deps.database.query('select 1');
      return context.json({ status: 'ready' });
    } catch {
      context.header('retry-after', '1');
      return context.json(
        errorBody('database unreachable', 'server_error', null, 'not_ready'),
        503,
      );
    }
  });
  const document = openApiDocument();
  app.get('/openapi.json', (context) => context.json(document));

  // One limit per request: two nested body limits end the outer stream early without an error.
  const webhookLimit = refuseBodiesOver(webhookMaxBodyBytes);
  const requestLimit = refuseBodiesOver(deps.maxBodyBytes);
  app.use('/v1/*', (context, next) =>
    context.req.path.startsWith('/v1/webhooks/')
      ? webhookLimit(context, next)
      : requestLimit(context, next),
  );
  app.post('/v1/webhooks/:provider', (context) => receiveWebhook(deps, context));
  // Registered after the webhook route, which answers first: providers cannot send our keys.
  app.use('/v1/*', authenticate(deps.authenticator));
  app.get('/v1/engines', (context) => listEngines(deps.database, deps.registry, context));
  app.route('/v1/videos', videosRoutes(deps));
  app.route('/v1/sequences', sequencesRoutes(deps));
  app.route('/v1/datasets', datasetsRoutes(deps));
  app.route('/v1/storyboards', storyboardsRoutes(deps));
  app.get('/v1/usage', (context) => serveUsage(deps, context));
  app.all('/v1/*', () => {
    throw new NotFoundError('no such endpoint');
  });
  return app;
}
