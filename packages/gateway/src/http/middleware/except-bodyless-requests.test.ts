import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { exceptBodylessRequests } from './except-bodyless-requests.js';

describe('exceptBodylessRequests', () => {
  it('runs the middleware for requests that can carry a body, and skips GET and HEAD', async () => {
    const ran: string[] = [];
    const app = new Hono();
    app.use(
      '*',
      exceptBodylessRequests(async (context, next) => {
        ran.push(context.req.method);
        await next();
      }),
    );
    app.all('/', (context) => context.text('ok'));
    for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
      expect((await app.request('/', { method })).status).toBe(200);
    }
    expect(ran).toEqual(['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
  });
});
