import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { requestContext, type AppVariables } from './request-context.js';

function appAnswering(answer: () => Response) {
  const app = new Hono<{ Variables: AppVariables }>();
  app.use('*', requestContext());
  app.get('/', () => answer());
  return app;
}

describe('requestContext', () => {
  it('adds its headers to the response the handler built, without rebuilding it', async () => {
    let built: Response | null = null;
    const app = appAnswering(() => {
      built = new Response('{"ok":true}', {
        headers: { 'content-type': 'application/json', 'server-timing': 'db;dur=1' },
      });
      return built;
    });
    const response = await app.request('/', { headers: { 'x-request-id': 'client-1.a_b' } });
    expect(response).toBe(built);
    expect(response.headers.get('x-request-id')).toBe('client-1.a_b');
    expect(response.headers.get('server-timing')).toMatch(/^db;dur=1, gateway;dur=\d+\.\d\d$/);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('replaces a request id that is not sane with its own', async () => {
    const app = appAnswering(() => new Response('ok'));
    const response = await app.request('/', { headers: { 'x-request-id': 'bad id!' } });
    expect(response.headers.get('x-request-id')).toMatch(/^req_[0-9a-f-]{36}$/);
  });

  it('still adds its headers to a response whose headers are immutable', async () => {
    const app = appAnswering(() => Response.redirect('http://127.0.0.1/elsewhere', 302));
    const response = await app.request('/');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('http://127.0.0.1/elsewhere');
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
    expect(response.headers.get('server-timing')).toMatch(/^gateway;dur=/);
  });
});
